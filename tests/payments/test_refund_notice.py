"""The learner is told about each refund: once, after commit, text and HTML.

A refund is recorded either by the instructor (``order_refund``, through
Stripe) or learned from Stripe's ``charge.refunded`` for a refund made in
Stripe's dashboard. Either way one email goes out per refund; the webhook
that echoes a refund already recorded, or a duplicate delivery, sends none.
"""

from __future__ import annotations

import pytest

from payments import stripe_gateway
from payments.refunds import order_refund
from tests.payments import events

AMOUNT = 24900


@pytest.fixture
def paid_purchase(purchase, stripe_double, webhook):
    session = stripe_double.mark_paid(purchase.session_id)
    webhook.deliver(events.session_event("completed", session))
    purchase.order.refresh_from_db()
    purchase.session = session
    return purchase


@pytest.fixture
def site_8201(settings):
    settings.SITE_URL = "http://127.0.0.1:8201"


def refund_notices(outbox, user) -> list:
    return [m for m in outbox if m.to == [user.email] and "Refund" in m.subject]


def html_of(message) -> str:
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


def dashboard_refund(paid_purchase, stripe_double, *, amount_refunded: int) -> dict:
    """Stripe's ``charge.refunded`` for a refund made in Stripe's dashboard."""
    return events.charge_refunded_event(
        payment_intent=paid_purchase.session["payment_intent"],
        charge_id=stripe_double.charge_of(paid_purchase.session["payment_intent"]),
        amount=AMOUNT,
        amount_refunded=amount_refunded,
    )


def test_a_refund_by_the_instructor_is_announced_once_after_commit(
    paid_purchase, instructor, learner, mailoutbox, committing, site_8201
):
    # When the instructor refunds part of the order and lets the learner keep it
    with committing():
        order_refund(
            order=paid_purchase.order,
            amount=5000,
            revoke_access=False,
            requested_by=instructor,
        )
        assert refund_notices(mailoutbox, learner) == []  # not before the commit

    # Then the learner gets one email: the amount in dollars, access kept
    (message,) = refund_notices(mailoutbox, learner)
    assert "$50.00" in message.subject
    assert "$50.00" in message.body
    assert "You keep your access to the course" in message.body
    assert "http://127.0.0.1:8201/dashboard/orders/" in message.body
    assert "$50.00" in html_of(message)
    assert 'href="http://127.0.0.1:8201/' in html_of(message)


def test_a_refund_that_revokes_says_access_has_ended(
    paid_purchase, instructor, learner, mailoutbox, committing
):
    with committing():
        order_refund(
            order=paid_purchase.order,
            amount=AMOUNT,
            revoke_access=True,
            requested_by=instructor,
        )

    (message,) = refund_notices(mailoutbox, learner)
    assert "$249.00" in message.body
    assert "Your access to the course has ended" in message.body
    assert "You keep your access" not in message.body


def test_stripes_echo_of_the_instructors_refund_sends_nothing_more(
    paid_purchase, instructor, learner, mailoutbox, committing, stripe_double, webhook
):
    # Given a refund the instructor made, already announced
    with committing():
        order_refund(
            order=paid_purchase.order,
            amount=5000,
            revoke_access=False,
            requested_by=instructor,
        )
    (refund_id,) = stripe_double.refunds

    # When Stripe's charge.refunded for it arrives, twice
    event = events.charge_refunded_event(
        payment_intent=paid_purchase.session["payment_intent"],
        charge_id=stripe_double.charge_of(paid_purchase.session["payment_intent"]),
        refund_id=refund_id,
        amount=AMOUNT,
        amount_refunded=5000,
    )
    webhook.deliver(event)
    webhook.deliver(event)

    # Then the learner still has one refund email
    assert len(refund_notices(mailoutbox, learner)) == 1


def test_a_refund_made_in_stripes_dashboard_is_announced_once(
    paid_purchase, learner, mailoutbox, stripe_double, webhook
):
    # When Stripe reports a full refund made in its dashboard, delivered twice
    event = dashboard_refund(paid_purchase, stripe_double, amount_refunded=AMOUNT)
    webhook.deliver(event)
    webhook.deliver(event)

    # Then one email says so, and that access has ended (a full refund)
    (message,) = refund_notices(mailoutbox, learner)
    assert "$249.00" in message.body
    assert "Your access to the course has ended" in message.body
    assert html_of(message)


def test_each_new_refund_in_stripes_dashboard_is_announced(
    paid_purchase, learner, mailoutbox, stripe_double, webhook
):
    # Given a partial refund made in Stripe's dashboard
    webhook.deliver(
        dashboard_refund(paid_purchase, stripe_double, amount_refunded=5000)
    )

    # When a second one follows (Stripe reports the running total)
    webhook.deliver(
        dashboard_refund(paid_purchase, stripe_double, amount_refunded=8000)
    )

    # Then each refund has its own email, for its own amount
    first, second = refund_notices(mailoutbox, learner)
    assert "$50.00" in first.subject
    assert "$30.00" in second.subject


def test_a_refund_stripe_refuses_sends_nothing(
    paid_purchase, instructor, learner, mailoutbox, committing, stripe_double
):
    stripe_double.fail_next(
        "POST", "/v1/refunds", status=400, message="Charge already refunded."
    )

    with committing(), pytest.raises(stripe_gateway.StripeError):
        order_refund(
            order=paid_purchase.order,
            amount=AMOUNT,
            revoke_access=True,
            requested_by=instructor,
        )

    assert refund_notices(mailoutbox, learner) == []
