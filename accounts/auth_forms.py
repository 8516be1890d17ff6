"""allauth's sign-up and password-reset forms: an address is owned once proved.

An address added to an account stays *pending* until its owner opens the link
sent to it (allauth stores it unverified). A pending address reserves nothing:
it does not block someone else's sign-up with it, and it never receives a
password-reset link (which would reset the account that merely added it). See
``accounts.adapter`` for what happens once the owner verifies it.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from allauth.account import app_settings
from allauth.account.adapter import get_adapter
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.models import EmailAddress


def email_holders(email: str) -> QuerySet:
    """The accounts holding ``email``: verified there, or as their sign-up address.

    An account's sign-up address (``User.email``) counts even unverified: it is
    unique in the table, and allauth's "account already exists" mail and
    password reset let its owner recover that account. An address only added to
    an account, unverified, does not count.
    """
    verified = EmailAddress.objects.filter(email__iexact=email, verified=True)
    return get_user_model().objects.filter(
        Q(pk__in=verified.values("user_id")) | Q(email__iexact=email)
    )


EMAIL_MAX_LENGTH = 254  # what an address may be (RFC 5321), and our column holds


class SignupForm(AllauthSignupForm):
    """Sign-up that a pending address on someone else's account does not block.

    It also refuses addresses longer than an address may be: Django's email
    field accepts up to 320 characters, more than the columns hold, so a longer
    address would be cut short or fail in the database.
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

    def validate_unique_email(self, value: str) -> str:
        if email_holders(value).exists():
            return super().validate_unique_email(value)
        self.account_already_exists = False
        return get_adapter().validate_unique_email(value)


class ResetPasswordForm(AllauthResetPasswordForm):
    """Reset links only for accounts that hold the address (see ``email_holders``)."""

    def clean_email(self) -> str:
        email = super().clean_email()
        holders = set(email_holders(email).values_list("pk", flat=True))
        self.users = [user for user in self.users if user.pk in holders]
        if not self.users and not app_settings.PREVENT_ENUMERATION:
            raise get_adapter().validation_error("unknown_email")
        return email
