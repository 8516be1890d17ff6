from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MoneyField
from core.money import money_format


class RefundForm(forms.Form):
    """How much to refund (typed in the normal unit), what happens to access, and
    (when the learner holds one) to the course's CE certificate."""

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
    revoke_certificate = forms.TypedChoiceField(
        label=_("CE certificate"),
        choices=[
            ("no", _("Keep the certificate valid")),
            ("yes", _("Revoke the certificate")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="no",
        help_text=_(
            "A partial refund, e.g. for a late start, usually keeps the "
            "certificate; revoke it when the course was not really taken."
        ),
    )
    reason = forms.CharField(
        label=_("Reason (kept with the order)"), max_length=255, required=False
    )
    # What was already refunded when the form was shown: a second submit of
    # the same form (a double click) is then refused instead of refunding twice.
    refunded_before = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0
    )

    def __init__(
        self,
        *args,
        refundable: int,
        currency: str,
        certificate_serial: str = "",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        if certificate_serial:
            cast(forms.ChoiceField, self.fields["revoke_certificate"]).choices = [
                ("no", _("Keep the certificate valid")),
                (
                    "yes",
                    _("Revoke the certificate (%(serial)s)")
                    % {"serial": certificate_serial},
                ),
            ]
        else:
            del self.fields["revoke_certificate"]
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
