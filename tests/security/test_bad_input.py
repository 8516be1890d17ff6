"""Bad input is answered with a clear 4xx or a form error, never a 500.

PostgreSQL refuses a NUL character in text ("A string literal cannot contain
NUL (0x00) characters"), so a NUL in a query or a URL used to reach the
database and fail there. Run this file on PostgreSQL too (CI does); it also
passes on SQLite.
"""

from __future__ import annotations

import json

from django.conf import settings as django_settings
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import reverse

import pytest

from accounts.models import User
from core.views import search
from courses import views_ce
from payments.models import Order, StripeEvent
from tests.accounts.factories import PASSWORD, UserFactory
from tests.payments import events
from tests.payments.support import STRIPE_WEBHOOK_SECRET, post_webhook

pytestmark = pytest.mark.django_db


# NUL characters ------------------------------------------------------------------


def test_search_with_a_nul_character_is_not_a_server_error(client, home_page):
    # When a visitor searches for a NUL character
    response = client.get("/search/?q=%00")

    # Then the request is refused as bad, not failed
    assert response.status_code == 400


def test_the_search_view_treats_a_nul_character_as_absent(home_page):
    # Given a query that is only a NUL character (the view on its own,
    # without the middleware that refuses it first)
    request = RequestFactory().get("/search/", {"q": "\x00course\x00"})

    # When the search view answers
    response = search(request)

    # Then it searches for what is left
    assert response.status_code == 200
    assert response.context_data["search_query"] == "course"


@pytest.mark.parametrize(
    "url",
    [
        "/certificates/verify/PRC-%00/",
        "/certificates/PRC-%00/",
        "/certificates/PRC-%00/pdf/",
        "/courses/%00/",
    ],
)
def test_a_nul_character_in_the_path_is_a_bad_request(url, learner_client, home_page):
    # When a signed-in learner asks for a URL with a NUL character in it
    response = learner_client.get(url)

    # Then it is refused as bad, not failed
    assert response.status_code == 400


def test_a_session_cookie_with_a_nul_character_is_ignored(home_page):
    # Given a browser sending a session cookie with a NUL character in it
    client = Client()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijklmnop"

    # When it opens the home page
    response = client.get("/")

    # Then it is served as to a visitor
    assert response.status_code == 200


@pytest.mark.parametrize(
    "view", [views_ce.certificate_detail, views_ce.certificate_pdf]
)
def test_a_serial_with_a_nul_character_is_not_found(view, learner):
    # Given the certificate views on their own, without the middleware
    request = RequestFactory().get("/certificates/x/")
    request.user = learner

    # When asked for a serial with a NUL character in it
    # Then it is simply not found
    with pytest.raises(Http404):
        view(request, serial="PRC-\x00")


def test_verifying_a_serial_with_a_nul_character_finds_nothing(db):
    request = RequestFactory().get("/certificates/verify/x/")

    response = views_ce.certificate_verify(request, code="PRC-\x00AAA-BBBB-CCCC")

    assert response.status_code == 404


def test_a_nul_character_in_a_form_field_is_a_form_error(client, home_page):
    # When someone signs up with a NUL character in the address
    response = client.post(
        reverse("account_signup"),
        {"email": "a\x00b@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )

    # Then the form says so (Django's fields refuse NUL themselves)
    assert response.status_code == 200
    assert response.context["form"].errors["email"]


# Over-long sign-up addresses ---------------------------------------------------


def _long_address(length: int = 260, last: str = "a") -> str:
    """A valid address of ``length`` characters whose last letter is ``last``."""
    local = "x" * 60
    domain_length = length - len(local) - 1 - len(".example.co") - 1
    labels = []
    while domain_length > 0:
        size = min(60, domain_length)
        if domain_length - size == 1:  # leave no one-character remainder
            size -= 1
        labels.append("d" * size)
        domain_length -= size + 1
    domain = ".".join(labels)
    return f"{local}@{domain}.example.co{last}"


def _signup(email: str):
    return Client().post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_signup_refuses_an_address_over_254_characters(db):
    # Given an address longer than email allows (254 characters)
    email = _long_address()
    assert len(email) > 254

    # When someone signs up with it
    response = _signup(email)

    # Then the form says so, and no account is made
    assert response.status_code == 200
    errors = response.context["form"].errors["email"]
    assert any("254" in error for error in errors), errors
    assert not User.objects.exists()


def test_two_long_addresses_with_one_prefix_are_both_refused(db):
    # Given two over-long addresses that share their first 254 characters
    first, second = _long_address(last="a"), _long_address(last="b")
    assert first[:254] == second[:254]

    # When both sign up
    responses = [_signup(first), _signup(second)]

    # Then both get the form error, neither a 500
    for response in responses:
        assert response.status_code == 200
        assert response.context["form"].errors["email"]
    assert not User.objects.exists()


def test_signup_accepts_an_address_of_exactly_254_characters(db, mailoutbox):
    email = _long_address(254)
    assert len(email) == 254

    response = _signup(email)

    assert response.status_code == 302
    assert User.objects.filter(email=email).exists()


# Malformed but correctly signed webhook events --------------------------------


@pytest.fixture
def signed_post(settings):
    settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET

    def post(event):
        body = event if isinstance(event, bytes) else json.dumps(event).encode()
        signature = events.sign(body, STRIPE_WEBHOOK_SECRET)
        return post_webhook(Client(), body, signature)

    return post


@pytest.mark.parametrize(
    "event",
    [
        {"id": "evt_test_no_data", "type": "checkout.session.completed"},
        {"id": "evt_test_no_object", "type": "checkout.session.completed", "data": {}},
        {
            "id": "evt_test_list_object",
            "type": "charge.refunded",
            "data": {"object": ["not", "an", "object"]},
        },
        {"type": "checkout.session.completed", "data": {"object": {}}},
        b"[1, 2, 3]",
    ],
    ids=["no-data", "no-object", "object-not-a-dict", "no-id", "not-an-event"],
)
def test_a_signed_event_that_cannot_be_read_is_a_bad_request(event, signed_post):
    # When Stripe (or anyone with the secret) posts a signed but unreadable event
    response = signed_post(event)

    # Then it is refused as bad, and nothing is stored
    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


@pytest.mark.parametrize(
    "data_object",
    [
        {"object": "checkout.session"},  # no id
        {
            "id": "cs_test_x",
            "client_reference_id": "ORDER",
            "payment_status": "paid",
            "status": "complete",
            "amount_total": "many",
        },
        {"id": 7, "metadata": "not a dict"},
    ],
    ids=["session-without-id", "amount-not-a-number", "metadata-not-a-dict"],
)
def test_a_handled_event_with_a_malformed_object_is_recorded_as_failed(
    data_object, signed_post, paid_course
):
    # Given an order the event might name
    user = UserFactory()
    order = Order.objects.create(
        user=user, course=paid_course, amount=14900, currency="usd"
    )
    if data_object.get("client_reference_id") == "ORDER":
        data_object = {**data_object, "client_reference_id": str(order.pk)}
    event = {
        "id": "evt_test_malformed",
        "type": "checkout.session.completed",
        "data": {"object": data_object},
    }

    # When the signed event arrives
    response = signed_post(event)

    # Then Stripe is told it was received (no retries for days), and the event
    # is kept, unprocessed, for the instructor's records
    assert response.status_code == 200
    record = StripeEvent.objects.get(event_id="evt_test_malformed")
    assert record.processed_at is None
    assert record.order is None
    order.refresh_from_db()
    assert not order.is_paid
