from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MoneyField
from core.money import money_format


class RefundForm(forms.Form):
    """How much to refund (typed in the normal unit), and what happens to access."""

    amount = MoneyField(label=_("Amount to refund"))
    revoke_access = forms.TypedChoiceField(
        label=_("Course access"),
        choices=[
            ("yes", _("Revoke the learner's access to the course")),
            ("no", _("Let the learner keep access")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="yes",
    )
    reason = forms.CharField(
        label=_("Reason (kept with the order)"), max_length=255, required=False
    )

    def __init__(self, *args, refundable: int, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"] = MoneyField(
            label=_("Amount to refund"),
            currency=currency,
            min_value=1,
            max_value=refundable,
            initial=refundable,
            help_text=_("In the order's currency, e.g. 49 or 49.50; at most %(left)s.")
            % {"left": money_format(refundable, currency)},
            error_messages={
                "min_value": _("Enter an amount to refund greater than zero."),
                "max_value": _("You can refund at most %(limit)s."),
            },
        )
