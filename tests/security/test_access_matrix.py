"""The access matrix, generated: every route and page type, asked as every role.

Routes come from Django's resolver (``world.routes_all``), page types from
``wagtail.models.get_page_models()``. What each role must get is written once,
in ``tests/security/access_table.py``; a route or page type without a row fails
``test_every_route_has_a_row`` / ``test_every_page_type_has_a_row``.
"""

from __future__ import annotations

import os

from django.urls import reverse

from wagtail.models import get_page_models

import pytest

from tests.security import access_table as table
from tests.security.world import ROLES, route_url, routes_all, world_fixture


@pytest.fixture(scope="module")
def security_world(django_db_setup, django_db_blocker):
    yield from world_fixture(django_db_setup, django_db_blocker)


ROUTES = {route.name: route for route in routes_all()}
RECORD = os.environ.get("ACCESS_MATRIX_RECORD")


def observed(response, *, marker: str | None = None) -> str:
    """The expectation class a response falls in."""
    status = response.status_code
    if status == 200:
        if marker is not None and marker not in response.content.decode():
            return "200 without the content"
        return table.ALLOW
    if status in (301, 302):
        target = response["Location"].split("?")[0]
        if target == reverse("account_login"):
            return table.LOGIN
        if target == reverse("wagtailadmin_login"):
            return table.ADMIN_LOGIN
        if target == reverse("wagtailadmin_home"):
            return table.DENY
        return table.REDIRECT
    if status == 403 and marker is not None:
        content = response.content.decode()
        return table.CTA if marker not in content else "403 WITH the content"
    if status in (403, 404):
        return table.DENY
    if status == 405:
        return table.METHOD
    if status == 400:
        return table.BAD_REQUEST
    return str(status)


def _matrix_params():
    for name in sorted(ROUTES):
        row = table.route_row(name)
        if row is None or row is table.FRAMEWORK_ADMIN_ROW:
            continue
        for role in ROLES:
            if role in row:
                yield pytest.param(name, role, row[role], id=f"{name}-{role}")


@pytest.mark.parametrize(("name", "role", "expected"), list(_matrix_params()))
def test_route(security_world, db, name, role, expected):
    url = route_url(security_world, ROUTES[name])
    assert url is not None, f"{name}: cannot build a URL for {ROUTES[name].pattern}"
    response = security_world.client(role).get(url)
    got = observed(response)
    if RECORD:
        print(f"RECORD {name}|{role}|{got}|{response.get('Location', '')}")
    assert got == expected, f"GET {url} as {role}: {got}, expected {expected}"


def test_wagtails_own_admin_views_refuse_learners(security_world, db):
    """One test for Wagtail's ~250 admin views: each is asked as each role of
    ``FRAMEWORK_ADMIN_ROW``; the failures are listed together."""
    wrong = []
    for name in sorted(ROUTES):
        row = table.route_row(name)
        if row is not table.FRAMEWORK_ADMIN_ROW:
            continue
        url = route_url(security_world, ROUTES[name])
        for role, expected in row.items():
            got = observed(security_world.client(role).get(url)) if url else "no URL"
            if got != expected:
                wrong.append(f"GET {url} ({name}) as {role}: {got}, not {expected}")
    assert not wrong, "\n".join(wrong)


def test_every_route_has_a_row():
    enumerated = set(ROUTES)
    covered = {name for name in enumerated if table.route_row(name) is not None}
    skipped = {name for name in enumerated if table.route_skipped(name)}
    missing = enumerated - covered - skipped
    assert not missing, f"Routes without a row in access_table.py: {sorted(missing)}"
    stale = set(table.ROUTES) - enumerated
    assert not stale, f"Rows for routes that no longer exist: {sorted(stale)}"


def test_every_page_type_has_a_row():
    types = {model._meta.label for model in get_page_models()}
    assert types == set(table.PAGES), (
        f"Page types without a row: {sorted(types - set(table.PAGES))}; "
        f"rows without a page type: {sorted(set(table.PAGES) - types)}"
    )


def _page_params():
    for label, row in sorted(table.PAGES.items()):
        for target, roles in row.items():
            for role, expected in roles.items():
                yield pytest.param(
                    label, target, role, expected, id=f"{label}-{target}-{role}"
                )


@pytest.mark.parametrize(("label", "target", "role", "expected"), list(_page_params()))
def test_page(security_world, db, label, target, role, expected):
    page = table.page_target(security_world, target)
    assert page._meta.label == label or page.specific._meta.label == label
    marker = table.page_marker(security_world, target)
    response = security_world.client(role).get(page.url)
    got = observed(response, marker=marker)
    if RECORD:
        print(f"RECORD PAGE {label}|{target}|{role}|{got}")
    assert got == expected, f"GET {page.url} as {role}: {got}, expected {expected}"
    if expected == table.CTA:  # the course's call to action, not the lesson
        assert response.context["course"].pk == security_world.paid.course.pk
        assert security_world.paid.course.title in response.content.decode()


def test_the_success_page_asks_stripe_only_about_a_checkout_session(
    security_world, db, monkeypatch
):
    """Without a Checkout Session id the page answered 404 only after a call to
    Stripe's API (a network round trip per request, for anyone signed in)."""
    from payments import stripe_gateway

    def no_call(session_id):
        raise AssertionError(f"Stripe was asked about {session_id!r}")

    monkeypatch.setattr(stripe_gateway, "checkout_session_retrieve", no_call)
    client = security_world.client("enrolled")
    for query in ("", "?session_id=", "?session_id=pi_123", "?session_id=%00"):
        response = client.get(reverse("payments:success") + query)
        assert response.status_code in (400, 404)  # 400: NUL refused up front
