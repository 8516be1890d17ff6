"""allauth's failed-login limit: 5 per 5 minutes per IP and per account."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD

TOO_MANY = "Too many failed login attempts"


def _login(client: Client, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_right_password_logs_in_after_a_few_failures(learner):
    # Given four failed attempts (under the limit of five)
    client = Client()
    for _ in range(4):
        _login(client, learner.email, "wrong-password")

    # When the right password is given
    response = _login(client, learner.email, PASSWORD)

    # Then the learner is logged in
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(learner.pk)


def test_five_failures_block_even_the_right_password(learner):
    # Given five failed attempts
    client = Client()
    for _ in range(5):
        failed = _login(client, learner.email, "wrong-password")
        assert failed.status_code == 200

    # When the right password is given
    response = _login(client, learner.email, PASSWORD)

    # Then the form says so, and the learner is not logged in
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_limit_per_account_holds_across_addresses(learner):
    # Given five failures against one account, each from a different IP
    for n in range(5):
        Client(REMOTE_ADDR=f"203.0.113.{n + 1}").post(
            reverse("account_login"), {"login": learner.email, "password": "nope"}
        )

    # When a sixth IP tries with the right password
    client = Client(REMOTE_ADDR="198.51.100.7")
    response = _login(client, learner.email, PASSWORD)

    # Then the account is still protected
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session
