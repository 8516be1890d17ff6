from django import forms
from django.utils.translation import gettext_lazy

from accounts.models import ClinicianProfile


class ClinicianProfileForm(forms.ModelForm):
    class Meta:
        model = ClinicianProfile
        fields = [
            "name_on_certificate",
            "profession",
            "license_type",
            "license_number",
            "license_state",
        ]


class AccountDeleteForm(forms.Form):
    """Re-entering the password proves the person at the keyboard owns the account."""

    password = forms.CharField(
        label=gettext_lazy("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                gettext_lazy("That is not your current password.")
            )
        return password
