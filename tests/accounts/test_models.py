"""Users log in by email; the profile is created once, empty, on first use."""

from __future__ import annotations

from django.db import IntegrityError, transaction

import pytest

from accounts.models import User
from accounts.services import profile_get_or_create, profile_update


def test_create_user_lowercases_the_email(db):
    user = User.objects.create_user("Maria.Gomez@Example.COM", "pw-123456789")

    assert user.email == "maria.gomez@example.com"
    assert user.check_password("pw-123456789")
    assert not user.is_staff
    assert not user.is_superuser


def test_create_user_requires_an_email(db):
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user("", "pw")


def test_email_is_unique(learner):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(learner.email, "pw")


def test_create_superuser_is_staff_and_superuser(db):
    user = User.objects.create_superuser("boss@example.com", "pw")

    assert user.is_staff
    assert user.is_superuser


def test_user_has_no_username(db):
    assert User.USERNAME_FIELD == "email"
    assert not hasattr(User, "username") or User.username is None


def test_profile_get_or_create_is_idempotent(learner):
    first = profile_get_or_create(user=learner)
    second = profile_get_or_create(user=learner)

    assert first.pk == second.pk
    assert first.name_on_certificate == ""


def test_profile_update_validates_choices(learner):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        profile_update(user=learner, data={"license_state": "ZZ"})
