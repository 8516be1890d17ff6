"""The webhook checks Stripe's signature before anything else: 400, nothing written."""

from __future__ import annotations

import time

import pytest

from payments.models import OrderStatus, StripeEvent
from tests.payments import events
from tests.payments.support import (
    STRIPE_WEBHOOK_SECRET,
    db_snapshot,
    has_access,
    post_webhook,
)


@pytest.fixture
def paid_event(purchase, stripe_double) -> dict:
    """A genuine ``checkout.session.completed`` for the learner's paid order."""
    session = stripe_double.mark_paid(purchase.session_id)
    return events.session_event("completed", session)


def _assert_rejected_and_nothing_written(response, before, purchase) -> None:
    assert response.status_code == 400
    assert db_snapshot(with_updated_at=True) == before
    assert not StripeEvent.objects.exists()
    purchase.order.refresh_from_db()
    assert purchase.order.status == OrderStatus.PENDING
    assert not purchase.order.is_paid
    assert not has_access(purchase.order.user, purchase.order.course)


def test_missing_signature_header_is_rejected(webhook, paid_event, purchase):
    # Given a paid session's event with no Stripe-Signature header
    before = db_snapshot(with_updated_at=True)

    # When it is posted
    response = webhook.post_raw(events.body_of(paid_event), None)

    # Then: 400, and no row is written
    _assert_rejected_and_nothing_written(response, before, purchase)


def test_wrong_secret_is_rejected(webhook, paid_event, purchase):
    # Given an event signed with another endpoint's secret
    before = db_snapshot(with_updated_at=True)

    # When it is posted
    response = webhook.post(paid_event, secret="whsec_test_someone_else")

    # Then: 400, and no row is written
    _assert_rejected_and_nothing_written(response, before, purchase)


def test_one_changed_byte_of_body_is_rejected(webhook, paid_event, purchase):
    # Given a correctly signed body with one byte changed afterwards
    # (the amount 24900 becomes 14900: same length, still valid JSON)
    body = events.body_of(paid_event)
    signature = events.sign(body, STRIPE_WEBHOOK_SECRET)
    index = body.index(b'"amount_total": 24900') + len(b'"amount_total": ')
    tampered = body[:index] + b"1" + body[index + 1 :]
    assert len(tampered) == len(body) and tampered != body
    before = db_snapshot(with_updated_at=True)

    # When the tampered body is posted with the original signature
    response = webhook.post_raw(tampered, signature)

    # Then: 400, and no row is written
    _assert_rejected_and_nothing_written(response, before, purchase)


def test_timestamp_older_than_the_tolerance_is_rejected(webhook, paid_event, purchase):
    # Given a correctly computed signature from 301 s ago (the tolerance is 300 s)
    body = events.body_of(paid_event)
    stale = int(time.time()) - 301
    signature = events.sign_by_hand(body, STRIPE_WEBHOOK_SECRET, timestamp=stale)
    before = db_snapshot(with_updated_at=True)

    # When it is posted
    response = webhook.post_raw(body, signature)

    # Then: 400 (a replayed event), and no row is written
    _assert_rejected_and_nothing_written(response, before, purchase)


def test_garbage_signature_header_is_rejected(webhook, paid_event, purchase):
    # Given a header that is not Stripe's format at all
    before = db_snapshot(with_updated_at=True)

    # When it is posted
    response = webhook.post_raw(events.body_of(paid_event), "not-a-signature")

    # Then: 400, and no row is written
    _assert_rejected_and_nothing_written(response, before, purchase)


def test_no_webhook_secret_configured_rejects_everything(
    webhook, paid_event, purchase, settings
):
    # Given a site whose STRIPE_WEBHOOK_SECRET is not set
    body = events.body_of(paid_event)
    signature = events.sign(body, STRIPE_WEBHOOK_SECRET)
    settings.STRIPE_WEBHOOK_SECRET = ""
    before = db_snapshot(with_updated_at=True)

    # When a correctly signed event is posted
    response = webhook.post_raw(body, signature)

    # Then it cannot be verified: 400, and no row is written
    _assert_rejected_and_nothing_written(response, before, purchase)


def test_hand_signed_fresh_event_is_accepted(webhook, paid_event, purchase):
    # Given the by-hand signer the stale test relies on, with a fresh timestamp
    body = events.body_of(paid_event)
    signature = events.sign_by_hand(
        body, STRIPE_WEBHOOK_SECRET, timestamp=int(time.time())
    )

    # When it is posted
    response = webhook.post_raw(body, signature)

    # Then it is accepted (so the stale test fails for the timestamp alone)
    assert response.status_code == 200
    assert has_access(purchase.order.user, purchase.order.course)


def test_get_is_not_allowed(client, db):
    # When something GETs the webhook
    response = client.get("/payments/stripe/webhook/")

    # Then: 405, nothing else
    assert response.status_code == 405
    assert not StripeEvent.objects.exists()


def test_signed_but_malformed_json_is_rejected(client, purchase):
    # Given a correctly signed body that is not JSON
    body = b"{not json"
    signature = events.sign(body, STRIPE_WEBHOOK_SECRET)
    before = db_snapshot(with_updated_at=True)

    # When it is posted
    response = post_webhook(client, body, signature)

    # Then: 400, and nothing is written
    assert response.status_code == 400
    assert db_snapshot(with_updated_at=True) == before
