"""Plain helpers the payment tests share: posting webhooks, reading state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.test import Client

from courses.models import Enrollment, EnrollmentStatus
from payments.models import Order, Refund, StripeEvent

WEBHOOK_URL = "/payments/stripe/webhook/"
SUCCESS_URL = "/payments/success/"
STRIPE_SECRET_KEY = "sk_test_practicum_double"
STRIPE_WEBHOOK_SECRET = "whsec_test_practicum_double"


def post_webhook(client: Client, body: bytes, signature: str | None):
    """POST a raw webhook body, with ``Stripe-Signature`` unless it is None."""
    headers = {} if signature is None else {"Stripe-Signature": signature}
    return client.post(
        WEBHOOK_URL, data=body, content_type="application/json", headers=headers
    )


def has_access(user, course) -> bool:
    return Enrollment.objects.filter(
        user=user, course=course, status=EnrollmentStatus.ACTIVE
    ).exists()


def confirmations_to(outbox, user) -> list:
    """The purchase confirmation emails sent to ``user``."""
    return [m for m in outbox if m.to == [user.email] and "enrolled" in m.subject]


@dataclass(frozen=True)
class OrderState:
    """What must not depend on the order Stripe's events arrive in."""

    status: str
    amount_paid: int
    amount_refunded: int
    dispute_status: str
    has_access: bool


def order_state(order: Order) -> OrderState:
    order.refresh_from_db()
    return OrderState(
        status=order.status,
        amount_paid=order.amount_paid,
        amount_refunded=order.amount_refunded,
        dispute_status=order.dispute_status,
        has_access=has_access(order.user, order.course),
    )


def db_snapshot(*, with_updated_at: bool = False) -> dict[str, Any]:
    """Every payment-related row, to prove that nothing was written.

    ``Order.updated_at`` is left out unless asked for: re-deriving an order
    that is already settled saves it again with the same facts, which only
    moves that stamp.
    """
    orders = [
        {k: v for k, v in row.items() if with_updated_at or k != "updated_at"}
        for row in Order.objects.order_by("pk").values()
    ]
    return {
        "events": list(StripeEvent.objects.values_list("event_id", flat=True)),
        "orders": orders,
        "refunds": list(Refund.objects.order_by("pk").values()),
        "enrollments": list(Enrollment.objects.order_by("pk").values()),
    }
