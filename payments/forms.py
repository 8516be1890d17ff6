from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _


class RefundForm(forms.Form):
    amount = forms.IntegerField(
        label=_("Amount to refund (in cents)"),
        min_value=1,
        help_text=_("In the smallest unit of the currency: 24900 is 249.00."),
    )
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

    def __init__(self, *args, refundable: int, **kwargs):
        super().__init__(*args, **kwargs)
        amount = self.fields["amount"]
        amount.initial = refundable
        amount.validators.append(MaxValueValidator(refundable))
        amount.widget.attrs["max"] = refundable
