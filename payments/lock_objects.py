"""Row locks for payments, always taken in the same order: order, then enrollment."""

from __future__ import annotations

from payments.models import Order


def order_lock(*, order_id: int) -> Order:
    """Lock and return the order row (``SELECT … FOR UPDATE``). Call inside atomic()."""
    return (
        Order.objects.select_for_update()
        .select_related("course", "user")
        .get(pk=order_id)
    )
