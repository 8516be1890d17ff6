"""Writes for accounts."""

from __future__ import annotations

from django.db import transaction

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession

from accounts.models import ClinicianProfile, User


def profile_get_or_create(*, user: User) -> ClinicianProfile:
    """Return the user's clinician profile, creating an empty one the first time.

    Idempotent: the one-to-one constraint keeps a single profile per user.
    """
    profile, _created = ClinicianProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_update(
    *, user: User, data: dict, preferences: dict | None = None
) -> ClinicianProfile:
    """Save validated profile fields for ``user``, and their email preferences.

    ``preferences`` holds validated ``User`` booleans (the discussion emails).
    """
    profile = profile_get_or_create(user=user)
    for field, value in data.items():
        setattr(profile, field, value)
    profile.full_clean()
    profile.save()
    if preferences:
        email_preferences_update(user=user, data=preferences)
    return profile


EMAIL_PREFERENCES = (
    "announcement_emails",
    "discussion_answer_notifications",
    "discussion_reply_notifications",
)


def email_preferences_update(*, user: User, data: dict) -> None:
    """Save the learner's email choices (the ``EMAIL_PREFERENCES`` in ``data``)."""
    fields = [name for name in EMAIL_PREFERENCES if name in data]
    for name in fields:
        setattr(user, name, bool(data[name]))
    if fields:
        user.save(update_fields=fields)


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Anonymise ``user``'s account and stop it from being used again.

    What identifies the person and is not a CE record goes: the email becomes
    ``deleted-<pk>@deleted.invalid``, the names and the clinician profile are
    cleared, the password made unusable, the account deactivated, and its
    email addresses, two-factor authenticators and sessions are deleted.

    What the records require stays, for ``CE_RECORD_RETENTION_YEARS``:
    enrollments, orders, quiz attempts, evaluations and certificates (each
    certificate keeps its own snapshot of the name and license it printed).
    Idempotent: deleting a deleted account changes nothing more.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.first_name = ""
    user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    ClinicianProfile.objects.filter(user=user).update(
        display_name="",
        name_on_certificate="",
        profession="",
        license_type="",
        license_number="",
        license_state="",
    )
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _sessions_delete(user_pk=user.pk)


@transaction.atomic
def user_deactivate(*, user: User) -> bool:
    """Stop ``user`` from logging in, and end every session they have open.

    Nothing else changes: records, enrollments and the profile stay, so
    ``user_reactivate`` undoes it. Idempotent: returns False if already inactive.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        return False
    user.is_active = False
    user.save(update_fields=["is_active"])
    _sessions_delete(user_pk=user.pk)
    return True


@transaction.atomic
def user_reactivate(*, user: User) -> bool:
    """Let a deactivated ``user`` log in again. Idempotent: False if already active."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active:
        return False
    user.is_active = True
    user.save(update_fields=["is_active"])
    return True


def email_unverified_address(*, user: User) -> EmailAddress | None:
    """The user's primary (else first) email address if it is not yet verified."""
    address = EmailAddress.objects.filter(user=user).order_by("-primary", "pk").first()
    return address if address is not None and not address.verified else None


def email_verification_resend(*, request, user: User) -> EmailAddress | None:
    """Send ``user`` a fresh verification link; None if nothing needs verifying.

    Uses allauth's own confirmation email (``request`` builds the link). Only an
    unverified address gets one; a verified account is left alone.
    """
    address = email_unverified_address(user=user)
    if address is None:
        return None
    address.send_confirmation(request)
    return address


def _sessions_delete(*, user_pk: int) -> None:
    # allauth records every login (allauth.usersessions); ending one deletes
    # it through the session engine, so a cached copy goes too (cached_db).
    # (A session from before that was installed is dead already: an unusable
    # password or an inactive account no longer authenticates it.)
    for session in UserSession.objects.filter(user_id=user_pk):
        session.end()
