"""Writes for accounts."""

from __future__ import annotations

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
