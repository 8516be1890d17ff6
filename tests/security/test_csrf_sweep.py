"""CSRF on every view that accepts POST, generated from the URL patterns.

Every route is POSTed without a token, by a client that enforces CSRF checks,
as a superuser and as a learner: the answer must be Django's CSRF failure
(403). The only exception is the signed Stripe webhook, which is csrf_exempt
and refuses a bad signature with 400. A csrf_exempt view that is not on the
allowlist fails the sweep.
"""

from __future__ import annotations

from django.test import Client

import pytest

from tests.security.world import route_url, routes_all, world_fixture

ROUTES = {route.name: route for route in routes_all()}

# The only views allowed to skip CSRF, and why.
CSRF_EXEMPT_ALLOWLIST = {
    "payments:stripe_webhook": "Stripe signs its requests; the signature is checked",
}
# Wagtail's admin API: Django REST framework views (csrf_exempt at Django's
# level, DRF's SessionAuthentication checks CSRF itself) and read-only.
CSRF_EXEMPT_PREFIXES = ("wagtailadmin_api:",)


def _allowed_exempt(name: str) -> bool:
    return name in CSRF_EXEMPT_ALLOWLIST or name.startswith(CSRF_EXEMPT_PREFIXES)


# Not POSTed: unnamed framework patterns and the page catch-all (Wagtail's
# page serving refuses nothing by method; pages take no POST in this project).
NOT_POSTED = {"admin/test404/", "admin/^.*/$"}  # unnamed framework patterns


@pytest.fixture(scope="module")
def security_world(django_db_setup, django_db_blocker):
    yield from world_fixture(django_db_setup, django_db_blocker)


def _csrf_client(world, role) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users[role])
    return client


def test_only_the_webhook_is_csrf_exempt():
    exempt = {
        name
        for name, route in ROUTES.items()
        if getattr(route.callback, "csrf_exempt", False)
    }
    assert {name for name in exempt if not _allowed_exempt(name)} == set()
    assert set(CSRF_EXEMPT_ALLOWLIST) <= exempt


@pytest.mark.parametrize("role", ["superuser", "enrolled"])
def test_every_post_without_a_token_is_refused(security_world, db, role):
    client = _csrf_client(security_world, role)
    unprotected = []
    for name, route in sorted(ROUTES.items()):
        if name in NOT_POSTED or _allowed_exempt(name):
            continue
        url = route_url(security_world, route)
        if url is None:
            unprotected.append((name, "no URL"))
            continue
        response = client.post(url, {"x": "1"})
        is_csrf_failure = response.status_code == 403 and (
            b"CSRF" in response.content or response.reason_phrase == "Forbidden"
        )
        if not is_csrf_failure:
            unprotected.append((name, url, response.status_code))
    assert not unprotected, f"POST without a CSRF token was not refused: {unprotected}"


def test_the_webhook_refuses_a_bad_signature(security_world, db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        route_url(security_world, ROUTES["payments:stripe_webhook"]),
        data=b'{"id": "evt_forged", "type": "checkout.session.completed"}',
        content_type="application/json",
        headers={"Stripe-Signature": "t=1,v1=forged"},
    )
    assert response.status_code == 400
