"""What Stripe's stored charge events say about an order: the largest amount
refunded (less refunds that failed later) and the dispute's outcome. Facts
that only move forward, which ``payments.services.order_sync`` derives the
order's status and access from.
"""

from __future__ import annotations

from django.db.models import Q

from payments.models import DisputeStatus, Order, RefundStatus, StripeEvent

# What Stripe calls a refund whose money did not go back.
FAILED_STATUSES = ("failed", "canceled")


def charge_facts(order: Order) -> tuple[int, str]:
    """(largest refunded amount, dispute outcome) from every stored charge event.

    A refund that failed later (``charge.refund.updated``, or one of ours
    marked failed) is taken out of the totals of the charge events that
    counted it, so the money that never went back is refundable again.
    """
    if not order.payment_intent_id:
        return 0, DisputeStatus.NONE
    events = StripeEvent.objects.filter(
        Q(order=order) | Q(payment_intent_id=order.payment_intent_id),
        type__in=[
            "charge.refunded",
            "charge.refund.updated",
            "charge.dispute.created",
            "charge.dispute.closed",
        ],
    ).order_by("created_at", "pk")
    failed = _failed_refund_ids(order, events)
    refunded = 0
    dispute = DisputeStatus.NONE
    closed_at = -1
    for event in events:
        obj = event.payload["data"]["object"]
        if event.type == "charge.refunded":
            counted_failed = sum(
                int(r.get("amount") or 0)
                for r in (obj.get("refunds") or {}).get("data") or []
                if r.get("id") in failed and r.get("status") not in FAILED_STATUSES
            )
            total = int(obj.get("amount_refunded") or 0) - counted_failed
            refunded = max(refunded, total)
        elif event.type == "charge.dispute.created" and dispute == DisputeStatus.NONE:
            dispute = DisputeStatus.OPEN
        elif event.type == "charge.dispute.closed":
            created = int(event.payload.get("created") or 0)
            if created >= closed_at:
                closed_at = created
                dispute = (
                    DisputeStatus.LOST
                    if obj.get("status") == "lost"
                    else DisputeStatus.WON
                )
    return refunded, dispute


def _failed_refund_ids(order: Order, events) -> set[str]:
    failed = {
        event.payload["data"]["object"].get("id")
        for event in events
        if event.type == "charge.refund.updated"
        and event.payload["data"]["object"].get("status") in FAILED_STATUSES
    }
    failed.update(
        order.refunds.filter(status=RefundStatus.FAILED)
        .exclude(stripe_refund_id="")
        .values_list("stripe_refund_id", flat=True)
    )
    return failed
