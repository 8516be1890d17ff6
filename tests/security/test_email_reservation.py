"""An address added to one account, unverified, reserves nothing.

An attacker adds victim@example.com to their own account; allauth stores it
unverified. It must not bring them a password-reset link, block the owner's
sign-up, or let the address log into the attacker's account.
"""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

VICTIM_EMAIL = "victim@example.com"
OWNER_PASSWORD = "owner-has-a-passphrase-of-her-own"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+?/)(?=\s|$)")
RESET_LINK = "/accounts/password/reset/key/"


@pytest.fixture
def attacker(db) -> User:
    """A verified account that has added the victim's address, unverified."""
    user = UserFactory(email="attacker@example.net")
    EmailAddress.objects.create(
        user=user, email=VICTIM_EMAIL, verified=False, primary=False
    )
    mail.outbox.clear()
    return user


def _signup(client: Client):
    return client.post(
        reverse("account_signup"),
        {
            "email": VICTIM_EMAIL,
            "password1": OWNER_PASSWORD,
            "password2": OWNER_PASSWORD,
        },
    )


def _sign_up_and_verify(client: Client) -> None:
    _signup(client)
    [message] = [m for m in mail.outbox if CONFIRM_LINK.search(m.body)]
    confirm_path = CONFIRM_LINK.search(message.body).group(1)
    client.post(confirm_path)


def _login(client: Client, password: str):
    return client.post(
        reverse("account_login"), {"login": VICTIM_EMAIL, "password": password}
    )


def test_a_reset_for_the_address_brings_no_link_to_the_attackers_account(attacker):
    # When someone asks for a password reset for the victim's address
    Client().post(reverse("account_reset_password"), {"email": VICTIM_EMAIL})

    # Then no mail carries a reset link (it would reset the attacker's account)
    assert not [m for m in mail.outbox if RESET_LINK in m.body]


def test_the_owner_can_sign_up_with_the_address(attacker):
    # When the owner signs up with her address
    response = _signup(Client())

    # Then an account is made for her, and a verification link sent to her
    assert response.status_code == 302
    owner = User.objects.get(email=VICTIM_EMAIL)
    assert owner != attacker
    assert [m.to for m in mail.outbox if CONFIRM_LINK.search(m.body)] == [
        [VICTIM_EMAIL]
    ]


def test_verifying_the_address_drops_the_attackers_claim(attacker):
    # When the owner signs up and verifies her address
    _sign_up_and_verify(Client())

    # Then it is verified on her account and gone from the attacker's
    owner = User.objects.get(email=VICTIM_EMAIL)
    assert EmailAddress.objects.get(email=VICTIM_EMAIL).user == owner
    assert EmailAddress.objects.get(email=VICTIM_EMAIL).verified
    assert not EmailAddress.objects.filter(user=attacker, email=VICTIM_EMAIL).exists()


def test_the_address_logs_into_the_owners_account(attacker):
    # Given the owner signed up and verified her address
    _sign_up_and_verify(Client())

    # When she logs in with it
    client = Client()
    _login(client, OWNER_PASSWORD)

    # Then she is in her own account
    owner = User.objects.get(email=VICTIM_EMAIL)
    assert client.session.get("_auth_user_id") == str(owner.pk)


def test_the_address_does_not_log_into_the_attackers_account(attacker):
    # Given the owner signed up and verified her address
    _sign_up_and_verify(Client())

    # When the address is used with the attacker's password
    client = Client()
    _login(client, PASSWORD)

    # Then nobody is logged in
    assert "_auth_user_id" not in client.session


def test_a_reset_after_the_owner_verified_reaches_her_account(attacker):
    # Given the owner signed up and verified her address
    _sign_up_and_verify(Client())
    mail.outbox.clear()

    # When she asks for a password reset
    Client().post(reverse("account_reset_password"), {"email": VICTIM_EMAIL})

    # Then one reset link reaches her
    [message] = [m for m in mail.outbox if RESET_LINK in m.body]
    assert message.to == [VICTIM_EMAIL]
