"""``payments.stripe_gateway`` against the Stripe double, through the real SDK."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from payments import stripe_gateway
from tests.payments import events
from tests.payments.support import STRIPE_WEBHOOK_SECRET


def _create(order_id: int = 7) -> stripe_gateway.CheckoutSession:
    return stripe_gateway.checkout_session_create(
        order_id=order_id,
        course_title="Advanced Mitigation Interviewing",
        amount=24900,
        currency="usd",
        customer_email="learner@example.com",
        success_url="https://academy.example.com/s?session_id={CHECKOUT_SESSION_ID}",
        cancel_url="https://academy.example.com/c",
    )


def test_session_create_and_retrieve_round_trip(stripe_double):
    created = _create()

    assert created.id.startswith("cs_test_")
    assert created.order_id == 7
    assert (created.payment_status, created.status) == ("unpaid", "open")
    assert created.payment_intent_id == ""
    assert (created.amount_total, created.currency) == (24900, "usd")
    assert created.url == stripe_double.session(created.id)["url"]

    stripe_double.mark_paid(created.id)
    paid = stripe_gateway.checkout_session_retrieve(created.id)
    assert (paid.payment_status, paid.status) == ("paid", "complete")
    assert paid.payment_intent_id.startswith("pi_")


def test_retrying_a_session_create_returns_the_same_session(stripe_double):
    # The idempotency key is per order: a retried "Buy" cannot make two sessions.
    first = _create(order_id=8)
    second = _create(order_id=8)

    assert first.id == second.id
    assert len(stripe_double.sessions) == 1


def test_retrieve_of_an_unknown_session_raises_the_gateway_error(stripe_double):
    with pytest.raises(stripe_gateway.StripeError):
        stripe_gateway.checkout_session_retrieve("cs_test_missing")


def test_completed_since_pages_with_auto_paging_iter(stripe_double):
    for n in range(205):
        stripe_double.add_session(
            client_reference_id=str(n), status="complete", payment_status="paid"
        )
    stripe_double.add_session(client_reference_id="open-one")  # still open

    found = stripe_gateway.checkout_sessions_completed_since(
        datetime.now(UTC) - timedelta(days=3)
    )

    assert len(found) == 205
    assert len({s.id for s in found}) == 205
    assert len(stripe_double.requests_to("GET", "/v1/checkout/sessions")) == 3


def test_session_from_dict_accepts_an_expanded_payment_intent():
    session = stripe_gateway.session_from_dict(
        {
            "id": "cs_test_x",
            "client_reference_id": None,
            "metadata": {"order_id": "12"},
            "payment_intent": {"id": "pi_expanded", "object": "payment_intent"},
            "payment_status": "paid",
            "status": "complete",
            "amount_total": 100,
            "currency": "USD",
        }
    )

    assert session.order_id == 12
    assert session.payment_intent_id == "pi_expanded"
    assert session.currency == "usd"


def test_session_from_dict_ignores_a_reference_that_is_not_ours():
    session = stripe_gateway.session_from_dict(
        {"id": "cs_test_x", "client_reference_id": "not-a-number", "metadata": {}}
    )

    assert session.order_id is None


def test_refund_create_returns_stripes_refund_id(stripe_double):
    created = _create()
    paid = stripe_double.mark_paid(created.id)

    refund_id = stripe_gateway.refund_create(
        payment_intent_id=paid["payment_intent"],
        amount=5000,
        order_id=7,
        refund_id=1,
        idempotency_key="practicum-refund-1",
    )

    assert refund_id in stripe_double.refunds
    assert stripe_double.refunds[refund_id]["amount"] == 5000
    assert stripe_double.refunds[refund_id]["metadata"] == {
        "order_id": "7",
        "refund_id": "1",
    }


def test_webhook_event_construct_reads_a_captured_event(settings):
    event = events.fixture("charge_dispute_created")
    body = events.body_of(event)

    parsed = stripe_gateway.webhook_event_construct(
        body, events.sign(body, STRIPE_WEBHOOK_SECRET)
    )

    assert parsed.id == event["id"]
    assert parsed.type == "charge.dispute.created"
    assert (
        parsed.data_object["payment_intent"]
        == event["data"]["object"]["payment_intent"]
    )
    assert parsed.payload == event


def test_every_captured_fixture_is_a_stripe_event():
    names = sorted(p.stem for p in events.FIXTURES.glob("*.json"))

    assert len(names) == 10
    for name in names:
        event = events.fixture(name)
        assert event["object"] == "event"
        assert event["id"].startswith("evt_")
        assert event["api_version"] == stripe_gateway.API_VERSION
        assert event["type"].replace(".", "_") in name
        assert "object" in event["data"]["object"]
