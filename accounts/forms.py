from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext

from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from accounts.models import ClinicianProfile, User


class ClinicianProfileForm(forms.ModelForm):
    """What certificates print, and the name shown in discussions."""

    CERTIFICATE_FIELDS = [
        "name_on_certificate",
        "profession",
        "license_type",
        "license_number",
        "license_state",
    ]

    class Meta:
        model = ClinicianProfile
        fields = [
            "name_on_certificate",
            "profession",
            "license_type",
            "license_number",
            "license_state",
            "display_name",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        first, last = user.first_name.strip(), user.last_name.strip()
        default = f"{first} {last[0]}." if first and last else ""
        help_text = gettext(
            "How other learners see you in the discussions under lessons. "
            "Leave it empty to show your first name and last initial"
        )
        if default:
            # format_html escapes the name: form_field.html prints help as HTML.
            help_text = format_html("{} ({}).", help_text, default)
        else:
            help_text = format_html("{}.", help_text)
        field = self.fields["display_name"]
        field.help_text = format_html(
            "{} {}", help_text, gettext("Your email address is never shown.")
        )
        field.widget.attrs["autocomplete"] = "nickname"

    def certificate_fields(self):
        return [self[name] for name in self.CERTIFICATE_FIELDS]


class DiscussionEmailsForm(forms.ModelForm):
    """The learner's discussion emails, on their profile page."""

    class Meta:
        model = User
        fields = ["discussion_answer_notifications", "discussion_reply_notifications"]


class AnnouncementEmailsForm(forms.ModelForm):
    """The learner's profile → "Emails from the instructor": the opt-out."""

    class Meta:
        model = User
        fields = ["announcement_emails"]


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


class DiscussionQuestionNotificationsForm(forms.ModelForm):
    """Wagtail admin → Account → Notifications: an email per new question."""

    class Meta:
        model = User
        fields = ["discussion_question_notifications"]
