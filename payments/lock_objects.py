"""Locks for payments, always taken in the same order: payment, order, enrollment."""

from __future__ import annotations

from django.db import connection

from payments.models import Order


def payment_lock(*, payment_intent_id: str) -> None:
    """Serialize everything about one Stripe payment until the transaction ends.

    A charge event (refund, dispute) can arrive while the Checkout Session
    that names its payment is being fulfilled; under READ COMMITTED each
    transaction misses the other's uncommitted row, and the refund is lost.
    A PostgreSQL advisory lock on the payment intent makes one wait for the
    other. Call inside atomic(), before ``order_lock``. (SQLite serializes
    writers anyway.)
    """
    if not payment_intent_id or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            [payment_intent_id],
        )


def order_lock(*, order_id: int) -> Order:
    """Lock and return the order row (``SELECT … FOR UPDATE``). Call inside atomic()."""
    return (
        Order.objects.select_for_update()
        .select_related("course", "user")
        .get(pk=order_id)
    )
