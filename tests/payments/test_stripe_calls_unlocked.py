"""No Stripe call is made while an order row is locked.

The Stripe double calls a probe as each request arrives, before answering:
the probe, on its own database connection, tries to lock the order row
without waiting (``FOR UPDATE NOWAIT``). A lock held by the request that is
calling Stripe would make it fail. Real row locks need PostgreSQL and
committed transactions: ``postgres_only``, ``transaction=True``.
"""

from __future__ import annotations

import threading

from django.db import OperationalError, connection, transaction
from django.test import Client

import pytest

from payments.lock_objects import order_lock
from payments.models import Order, Refund, RefundStatus
from tests.accounts.factories import UserFactory
from tests.payments import events
from tests.payments.support import STRIPE_WEBHOOK_SECRET, post_webhook

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("restore_migration_data", "on_postgresql"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _lock_state(order_id: int) -> str:
    """ "locked" or "free": can another connection lock the order row right now?"""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM payments_order WHERE id = %s FOR UPDATE NOWAIT",
                [order_id],
            )
        return "free"
    except OperationalError:
        return "locked"
    finally:
        connection.close()


def _in_another_thread(function, *args):
    result = []
    thread = threading.Thread(target=lambda: result.append(function(*args)))
    thread.start()
    thread.join(timeout=30)
    return result[0]


class LockProbe:
    """Called by the double for each request: notes every order's lock state."""

    def __init__(self):
        self.seen: list[tuple[str, dict[int, str], bool]] = []

    def __call__(self, request) -> None:
        order_ids = list(Order.objects.values_list("pk", flat=True))
        states = {pk: _lock_state(pk) for pk in order_ids}
        pending = Refund.objects.filter(status=RefundStatus.PENDING).exists()
        connection.close()
        self.seen.append((f"{request.method} {request.path}", states, pending))


def test_the_probe_sees_a_lock_when_one_is_held(checkout, stripe_double):
    # The probe itself can fail: it reports a lock held by another connection
    purchase = checkout()
    with transaction.atomic():
        order_lock(order_id=purchase.order.pk)
        assert _in_another_thread(_lock_state, purchase.order.pk) == "locked"
    assert _in_another_thread(_lock_state, purchase.order.pk) == "free"


def test_checkout_and_refund_call_stripe_with_no_order_locked(
    checkout, stripe_double, instructor
):
    probe = LockProbe()
    stripe_double.on_request = probe
    buyer = UserFactory(email="unlocked-buyer@example.com")
    client = Client()
    client.force_login(buyer)

    # Given a learner buys (Stripe is asked for a Checkout Session) …
    purchase = checkout(client=client)
    session = stripe_double.mark_paid(purchase.session_id)
    body = events.body_of(events.session_event("completed", session))
    signature = events.sign(body, STRIPE_WEBHOOK_SECRET)
    assert post_webhook(Client(), body, signature).status_code == 200

    # When the instructor refunds the order through the admin
    admin = Client()
    admin.force_login(instructor)
    response = admin.post(
        f"/admin/payments/orders/{purchase.order.pk}/refund/",
        {"amount": "249", "revoke_access": "yes", "refunded_before": "0"},
    )
    assert response.status_code == 302

    # Then the session was created with the new order committed and free
    (session_seen,) = [s for s in probe.seen if s[0] == "POST /v1/checkout/sessions"]
    assert session_seen[1] == {purchase.order.pk: "free"}
    # and Stripe was asked once for the refund, by its idempotency key, while
    # the order row was free and the pending refund already committed
    (refund_request,) = stripe_double.requests_to("POST", "/v1/refunds")
    refund = Refund.objects.get()
    assert refund_request.headers["idempotency-key"] == refund.idempotency_key
    refund_seen = [s for s in probe.seen if s[0] == "POST /v1/refunds"]
    assert refund_seen == [("POST /v1/refunds", {purchase.order.pk: "free"}, True)]
    # and the refund was then recorded
    assert refund.status == RefundStatus.MADE
    assert Order.objects.get(pk=purchase.order.pk).amount_refunded == 24900
