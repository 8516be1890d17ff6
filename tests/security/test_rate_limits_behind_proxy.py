"""allauth's per-IP limits key on the client behind the documented proxy, not on it.

Behind nginx every request reaches gunicorn from the proxy's address
(``REMOTE_ADDR``); the client's address is the rightmost entry nginx appends to
``X-Forwarded-For``. The proxy count is production's own default
(``TRUSTED_PROXY_COUNT`` unset): one, which tests/config checks.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest

from tests.accounts.factories import PASSWORD

TOO_MANY = "Too many failed login attempts"
PROXY = "10.0.0.1"
ATTACKER = "203.0.113.66"
NEIGHBOUR = "198.51.100.7"


@pytest.fixture(autouse=True)
def _behind_the_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def _through_proxy(forwarded_for: str) -> Client:
    """A client whose requests nginx forwards, appending the address it saw."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)


def _fail_logins(client: Client, times: int) -> None:
    for n in range(times):
        client.post(
            reverse("account_login"),
            {"login": f"nobody{n}@example.com", "password": "guess"},
        )


def _signup(client: Client, n: int):
    return client.post(
        reverse("account_signup"),
        {
            "email": f"newcomer{n}@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_an_attacker_using_up_the_login_limit_does_not_lock_out_others(learner):
    # Given an attacker who has used up the failed-login limit from one address
    _fail_logins(_through_proxy(ATTACKER), 6)

    # When a learner at another address logs in through the same proxy
    neighbour = _through_proxy(NEIGHBOUR)
    response = neighbour.post(
        reverse("account_login"), {"login": learner.email, "password": PASSWORD}
    )

    # Then the learner is logged in
    assert response.status_code == 302
    assert neighbour.session.get("_auth_user_id") == str(learner.pk)


def test_the_attacker_stays_limited_at_their_own_address(learner):
    # Given an attacker who has used up the failed-login limit
    _fail_logins(_through_proxy(ATTACKER), 5)

    # When they try again from the same address
    attacker = _through_proxy(ATTACKER)
    response = attacker.post(
        reverse("account_login"), {"login": "someone@example.com", "password": "x"}
    )

    # Then they are refused
    assert TOO_MANY in response.content.decode()


def test_prepending_fake_addresses_does_not_escape_the_limit(learner):
    # Given an attacker who has used up the failed-login limit
    _fail_logins(_through_proxy(ATTACKER), 5)

    # When they send their own X-Forwarded-For, which nginx extends with the
    # address it saw
    for n in range(3):
        spoofing = _through_proxy(f"192.0.2.{n + 1}, 10.9.8.{n}, {ATTACKER}")
        response = spoofing.post(
            reverse("account_login"),
            {"login": learner.email, "password": PASSWORD},
        )

        # Then they are still refused: only the rightmost entry is trusted
        assert TOO_MANY in response.content.decode()
        assert "_auth_user_id" not in spoofing.session


def test_signup_limit_is_per_client(db):
    # Given an address that has used up the sign-up limit (20 an hour)
    attacker = _through_proxy(ATTACKER)
    for n in range(20):
        _signup(attacker, n)
    refused = _signup(attacker, 99)
    assert refused.status_code == 429

    # When someone at another address signs up through the same proxy
    response = _signup(_through_proxy(NEIGHBOUR), 100)

    # Then they are welcomed to verify their address
    assert response.status_code == 302
