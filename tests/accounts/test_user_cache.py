"""The session's user, read through the cache, and every change that must count.

``accounts.backends`` loads the signed-in user through ``accounts.user_cache``
(no query on a warm request); any save or delete of the user bumps their
generation, so deactivating an account or changing a password ends the
sessions it must end on the next request, as a query per request did.
"""

from __future__ import annotations

from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.services import user_deactivate
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

BACKENDS = [
    "accounts.backends.CachedPermissionsBackend",
    "accounts.backends.CachedAuthenticationBackend",
]


def _user_queries(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if '"accounts_user"' in q["sql"]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_warm_request_reads_no_user_row(backend):
    user = UserFactory(email="reader@example.com")
    client = Client()
    client.force_login(user, backend=backend)
    assert client.get(reverse("dashboard")).status_code == 200

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("dashboard"))

    assert response.status_code == 200
    assert response.context["user"] == user
    assert _user_queries(ctx) == []


def test_allauths_login_is_read_through_the_cache():
    user = UserFactory(email="mixed.case@example.com")
    client = Client()
    response = client.post(
        reverse("account_login"),
        {"login": "Mixed.Case@EXAMPLE.com", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] in BACKENDS
    assert client.get(reverse("dashboard")).context["user"] == user


def test_a_deactivated_account_is_signed_out_on_the_next_request():
    user = UserFactory(email="leaving@example.com")
    client = Client()
    client.force_login(user)
    assert client.get(reverse("dashboard")).status_code == 200  # user cached

    user.is_active = False
    user.save(update_fields=["is_active"])

    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_user_deactivate_signs_out_at_once():
    user = UserFactory(email="deactivated@example.com")
    client = Client()
    client.force_login(user)
    assert client.get(reverse("dashboard")).status_code == 200

    user_deactivate(user=user)

    assert client.get(reverse("dashboard")).status_code == 302


def test_a_changed_password_ends_the_other_sessions():
    user = UserFactory(email="moved@example.com")
    other_device = Client()
    other_device.force_login(user)
    assert other_device.get(reverse("dashboard")).status_code == 200  # cached

    user.set_password("a-new-long-passphrase-2026")
    user.save()

    assert other_device.get(reverse("dashboard")).status_code == 302


def test_a_renamed_user_shows_the_new_name_at_once():
    user = UserFactory(email="renamed@example.com", first_name="Ana")
    client = Client()
    client.force_login(user)
    assert client.get(reverse("dashboard")).context["user"].first_name == "Ana"

    user.first_name = "Beatriz"
    user.save()

    assert client.get(reverse("dashboard")).context["user"].first_name == "Beatriz"
