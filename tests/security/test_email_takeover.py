"""A stolen session cookie alone cannot take over an account's email or password.

Changing addresses asks for the password again once the last sign-in is older
than allauth's reauthentication timeout (5 minutes), and the old address hears
about every change.
"""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
import time_machine
from allauth.account.models import EmailAddress

from tests.accounts.factories import PASSWORD

SIGNED_IN_AT = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
AN_HOUR_LATER = SIGNED_IN_AT + dt.timedelta(hours=1)
ATTACKER_EMAIL = "attacker@example.net"
SECOND_EMAIL = "learner.work@example.com"


@pytest.fixture
def traveller():
    with time_machine.travel(SIGNED_IN_AT, tick=False) as traveller:
        yield traveller


@pytest.fixture
def stale_client(learner, traveller) -> Client:
    """The learner's session, signed in with the password an hour ago."""
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    traveller.move_to(AN_HOUR_LATER)
    mail.outbox.clear()
    return client


@pytest.fixture
def second_address(learner) -> EmailAddress:
    return EmailAddress.objects.create(
        user=learner, email=SECOND_EMAIL, verified=True, primary=False
    )


def _manage_email(client: Client, action: str, email: str):
    return client.post(reverse("account_email"), {action: "", "email": email})


def _reauthenticate(client: Client):
    return client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def _asks_to_reauthenticate(response) -> bool:
    return response.status_code == 302 and response.url.startswith(
        reverse("account_reauthenticate")
    )


def test_a_stale_session_cannot_add_an_address(learner, stale_client):
    # When the old session adds an address
    response = _manage_email(stale_client, "action_add", ATTACKER_EMAIL)

    # Then it is asked for the password, and nothing is added
    assert _asks_to_reauthenticate(response)
    assert not EmailAddress.objects.filter(email=ATTACKER_EMAIL).exists()


def test_a_stale_session_cannot_change_the_primary_address(
    learner, second_address, stale_client
):
    # When the old session makes another address primary
    response = _manage_email(stale_client, "action_primary", SECOND_EMAIL)

    # Then it is asked for the password, and the primary is unchanged
    assert _asks_to_reauthenticate(response)
    assert EmailAddress.objects.get_primary_email(learner) == learner.email


def test_a_stale_session_cannot_remove_an_address(
    learner, second_address, stale_client
):
    # When the old session removes an address
    response = _manage_email(stale_client, "action_remove", SECOND_EMAIL)

    # Then it is asked for the password, and the address stays
    assert _asks_to_reauthenticate(response)
    assert EmailAddress.objects.filter(pk=second_address.pk).exists()


def test_after_reauthenticating_the_address_is_added(learner, stale_client):
    # Given the learner re-entered the password
    _reauthenticate(stale_client)

    # When they add an address
    _manage_email(stale_client, "action_add", SECOND_EMAIL)

    # Then it is added, unverified
    address = EmailAddress.objects.get(email=SECOND_EMAIL)
    assert address.user == learner
    assert not address.verified


def test_changing_the_primary_address_tells_the_old_one(
    learner, second_address, stale_client
):
    # Given the learner re-entered the password
    _reauthenticate(stale_client)
    mail.outbox.clear()

    # When they make another address primary
    _manage_email(stale_client, "action_primary", SECOND_EMAIL)

    # Then the new address is primary and the old address is told
    assert EmailAddress.objects.get_primary_email(learner) == SECOND_EMAIL
    assert [message.to for message in mail.outbox] == [[learner.email]]
    assert SECOND_EMAIL in mail.outbox[0].body


def test_removing_an_address_tells_the_primary(learner, second_address, stale_client):
    # Given the learner re-entered the password
    _reauthenticate(stale_client)
    mail.outbox.clear()

    # When they remove the second address
    _manage_email(stale_client, "action_remove", SECOND_EMAIL)

    # Then it is gone and the primary address is told
    assert not EmailAddress.objects.filter(pk=second_address.pk).exists()
    assert [message.to for message in mail.outbox] == [[learner.email]]


def test_changing_the_password_needs_the_current_one(learner, stale_client):
    # When the old session sets a new password without knowing the current one
    stale_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "a guess",
            "password1": "a-brand-new-passphrase",
            "password2": "a-brand-new-passphrase",
        },
    )

    # Then the password is unchanged
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)


def test_changing_the_password_tells_the_primary_address(learner, stale_client):
    # When the learner changes the password, giving the current one
    stale_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a-brand-new-passphrase",
            "password2": "a-brand-new-passphrase",
        },
    )

    # Then it is changed and the primary address is told
    learner.refresh_from_db()
    assert learner.check_password("a-brand-new-passphrase")
    assert [message.to for message in mail.outbox] == [[learner.email]]
