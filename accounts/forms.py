from django import forms
from django.utils.translation import gettext_lazy

from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from accounts.models import ClinicianProfile, User


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


class AnnouncementEmailsForm(forms.ModelForm):
    """The learner's profile → "Emails from the instructor": the opt-out."""

    class Meta:
        model = User
        fields = ["announcement_emails"]


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


# Settings → Users in the Wagtail admin -------------------------------------------


class _AdminUserFormMixin:
    """Our User: the email is the login, names are optional.

    Only an administrator (superuser) may grant "Administrator", change a
    user's groups or set someone else's password; for anyone else, whose
    permission to edit users is about learners (deactivate, correct an
    email), those fields are not offered.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = False
        if for_user is None or not for_user.is_superuser:
            self.fields.pop("is_superuser", None)
            if "groups" in self.fields:
                self.fields["groups"].disabled = True  # shown, never changed
            if self.instance.pk is not None and self.instance != for_user:
                self.fields.pop("password1", None)
                self.fields.pop("password2", None)
                self._password_editable = False

    _password_editable = True

    @property
    def password_enabled(self):
        return self._password_editable and super().password_enabled


class AdminUserCreationForm(_AdminUserFormMixin, WagtailUserCreationForm):
    pass


class AdminUserEditForm(_AdminUserFormMixin, WagtailUserEditForm):
    pass


class SaleNotificationsForm(forms.ModelForm):
    """Wagtail admin → Account → Notifications: the instructor's sale emails."""

    class Meta:
        model = User
        fields = ["sale_notifications"]
