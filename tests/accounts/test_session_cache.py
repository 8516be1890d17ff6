"""Sessions read through the cache (``cached_db``) still end when they must.

With ``cached_db`` a session lives in the cache as well as in the table, and
the cache is read first: ending a user's sessions by deleting rows alone
would leave them signed in from the cache. ``accounts.services`` deletes each
through the session engine, which removes both copies.
"""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

import pytest

from accounts.services import account_delete, user_deactivate
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CACHED_DB = "django.contrib.sessions.backends.cached_db"


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _signed_in(user) -> tuple[Client, str]:
    client = Client()
    client.force_login(user)
    assert client.get(reverse("dashboard")).status_code == 200  # session cached
    return client, client.session.session_key


def _ended(session_key: str) -> bool:
    store = _store()
    return not store().exists(session_key) and (
        SESSION_KEY not in store(session_key=session_key).load()
    )


def test_sessions_are_read_through_the_cache():
    assert settings.SESSION_ENGINE == CACHED_DB


def test_account_deletion_ends_the_other_sessions(learner):
    phone, phone_key = _signed_in(learner)
    laptop, laptop_key = _signed_in(learner)
    other, other_key = _signed_in(UserFactory(email="someone@example.com"))

    confirm = laptop.post(reverse("account_delete")).url  # "confirm it is you"
    response = laptop.post(confirm, {"password": PASSWORD})

    assert response.status_code == 302
    assert _ended(phone_key)
    assert _ended(laptop_key)
    assert phone.get(reverse("dashboard")).status_code == 302
    # someone else stays signed in
    assert not _ended(other_key)
    assert other.get(reverse("dashboard")).status_code == 200
    assert list(Session.objects.values_list("pk", flat=True)) == [other_key]


def test_the_service_removes_the_cached_copy(learner):
    _, key = _signed_in(learner)
    assert _store()().exists(key)

    account_delete(user=learner)

    assert _ended(key)


def test_deactivation_removes_the_cached_copy_too(learner):
    client, key = _signed_in(learner)

    user_deactivate(user=learner)

    assert _ended(key)
    assert client.get(reverse("dashboard")).status_code == 302
