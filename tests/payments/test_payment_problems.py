"""The admin's "Payment problems" screen: failed Stripe messages, in words, retried.

The instructor sees what failed, about which order, when and why, with no
ids or code, and a "Try again now" button that tells her what happened.
"""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.test import Client

import pytest

from payments.models import OrderStatus, StripeEvent
from tests.payments import events
from tests.payments.support import order_state

URL = "/admin/payments/problems/"


@pytest.fixture
def failed_event(webhook, purchase, stripe_double, monkeypatch):
    """A paid checkout whose processing failed once (the database refused)."""
    import payments.services

    real_sync = payments.services.order_sync
    calls = {"n": 0}

    def flaky_sync(**kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the database refused the write")
        return real_sync(**kwargs)

    monkeypatch.setattr(payments.services, "order_sync", flaky_sync)
    session = stripe_double.mark_paid(purchase.session_id)
    event = events.session_event("completed", session)
    webhook.client = Client(raise_request_exception=False)
    assert webhook.post(event).status_code == 500
    return StripeEvent.objects.get(event_id=event["id"])


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_failed_message_reads_as_words(instructor_client, failed_event, purchase):
    html = instructor_client.get(URL).content.decode()

    assert "Stripe said a checkout was completed" in html
    assert purchase.order.number in html
    assert purchase.order.user.email in html
    assert "An unexpected error stopped it: the database refused the write" in html
    assert "Try again now" in html
    assert failed_event.event_id not in html
    assert "checkout.session.completed" not in html
    assert "RuntimeError" not in html


def test_try_again_applies_it_and_says_so(
    instructor_client, failed_event, purchase, committing
):
    with committing():
        response = instructor_client.post(
            f"/admin/payments/problems/{failed_event.pk}/retry/"
        )

    assert response.status_code == 302
    assert _messages(response) == [
        "It worked this time: the message is applied to the order."
    ]
    assert order_state(purchase.order).status == OrderStatus.PAID
    html = instructor_client.get(URL).content.decode()
    assert "Every message from Stripe has been applied." in html

    again = instructor_client.post(f"/admin/payments/problems/{failed_event.pk}/retry/")
    assert _messages(again) == ["It had been applied already; nothing more was done."]


def test_try_again_that_fails_again_says_why(
    instructor_client, failed_event, monkeypatch
):
    import payments.services

    def broken(**kwargs):
        raise RuntimeError("still refused")

    monkeypatch.setattr(payments.services, "order_sync", broken)

    response = instructor_client.post(
        f"/admin/payments/problems/{failed_event.pk}/retry/"
    )

    assert _messages(response) == [
        "It failed again: An unexpected error stopped it: still refused. "
        "It stays on this list."
    ]
    failed_event.refresh_from_db()
    assert failed_event.attempts == 2


def test_a_learner_cannot_see_or_retry(learner_client, failed_event):
    assert learner_client.get(URL).status_code in (302, 403)
    retry = learner_client.post(f"/admin/payments/problems/{failed_event.pk}/retry/")
    assert retry.status_code in (302, 403)
    failed_event.refresh_from_db()
    assert failed_event.processed_at is None


def test_an_assistant_reads_the_list_but_cannot_retry(failed_event):
    from tests.lessons.discussion.factories import assistant, client_for

    client = client_for(assistant(email="assistant-reader@example.com"))

    html = client.get(URL).content.decode()
    retry = client.post(f"/admin/payments/problems/{failed_event.pk}/retry/")

    assert "Stripe said a checkout was completed" in html
    assert "Try again now" not in html
    assert retry.status_code in (302, 403)  # Wagtail sends her back, refused
    failed_event.refresh_from_db()
    assert failed_event.processed_at is None
