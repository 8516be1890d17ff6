"""Writes for accounts."""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from accounts.models import ClinicianProfile, User


def profile_get_or_create(*, user: User) -> ClinicianProfile:
    """Return the user's clinician profile, creating an empty one the first time.

    Idempotent: the one-to-one constraint keeps a single profile per user.
    """
    profile, _created = ClinicianProfile.objects.get_or_create(user=user)
    return profile


def profile_update(*, user: User, data: dict) -> ClinicianProfile:
    """Save validated profile fields for ``user``."""
    profile = profile_get_or_create(user=user)
    for field, value in data.items():
        setattr(profile, field, value)
    profile.full_clean()
    profile.save()
    return profile


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
        name_on_certificate="",
        profession="",
        license_type="",
        license_number="",
        license_state="",
    )
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _sessions_delete(user_pk=user.pk)


def _sessions_delete(*, user_pk: int) -> None:
    # Database sessions cannot be queried by user; decode each live one.
    # (An unusable password already invalidates them through the session's
    # auth hash; deleting them also removes what they hold.)
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if str(session.get_decoded().get(SESSION_KEY)) == str(user_pk)
    ]
    Session.objects.filter(pk__in=doomed).delete()
