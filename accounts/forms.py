from django import forms
from django.utils.translation import gettext, gettext_lazy

from allauth.account.forms import SignupForm as AllauthSignupForm

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


EMAIL_MAX_LENGTH = 254  # what an address may be (RFC 5321), and our column holds


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, refusing addresses longer than email allows.

    Django's email field accepts up to 320 characters, more than the address
    columns hold: a longer address would be cut short or fail in the database.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["maxlength"] = str(EMAIL_MAX_LENGTH)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if len(email) > EMAIL_MAX_LENGTH:
            raise forms.ValidationError(
                gettext(
                    "An email address can be at most %(limit)d characters long; "
                    "this one has %(length)d."
                )
                % {"limit": EMAIL_MAX_LENGTH, "length": len(email)}
            )
        return super().clean_email()
