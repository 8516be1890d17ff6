"""Stripe's word on refunds, from its webhooks: ``charge.refunded`` settles
our pending refunds (made by ``payments.refunds``, or through Stripe's
dashboard) with the instructor's decisions; ``charge.refund.updated`` marks a
refund that failed later, changing nobody's access.
"""

from __future__ import annotations

import logging

from django.db import transaction

from payments.charge_facts import FAILED_STATUSES
from payments.lock_objects import order_lock, payment_lock
from payments.models import Order, Refund, RefundAccess, RefundStatus
from payments.refunds import refund_certificate_decision, refund_mark_made
from payments.services import order_gives_access, order_sync

logger = logging.getLogger(__name__)


@transaction.atomic
def refunds_reconcile(
    *,
    payment_intent_id: str,
    stripe_refunds: list[dict],
    charge_refunded: int | None = None,
) -> Order | None:
    """Fold what Stripe says about a payment's refunds into our records.

    Called for ``charge.refunded`` (the charge's refunds) and
    ``charge.refund.updated`` (one refund). A pending refund of ours that
    Stripe made is settled with the instructor's decisions, as
    ``refund_settle`` would have. A refund that failed or was cancelled is
    marked failed and its amount counted out of the order; access stays
    exactly as it is (the order keeps whatever access the learner has now),
    so nobody is re-granted or revoked behind the instructor's back: the
    admin's "Payment problems" screen tells her. Then the order is re-derived
    as for any charge event. Locks: payment, order, refunds.

    A charge that lists no refunds (Stripe expands them only on request)
    gives its refunded total (``charge_refunded``): pending refunds of ours
    that fit in what Stripe refunded beyond our settled ones are settled,
    oldest first.
    """
    payment_lock(payment_intent_id=payment_intent_id)
    order_id = (
        Order.objects.filter(payment_intent_id=payment_intent_id)
        .values_list("pk", flat=True)
        .first()
    )
    if order_id is None or not payment_intent_id:
        return None
    order = order_lock(order_id=order_id)
    had_access = order_gives_access(order)
    settled: list[Refund] = []
    failed = False
    for stripe_refund in stripe_refunds:
        if stripe_refund.get("status") in FAILED_STATUSES:
            failed = True
            _refund_failed(order, stripe_refund)
            continue
        refund = _our_refund(order, stripe_refund)
        if refund is not None and refund.status == RefundStatus.PENDING:
            refund_mark_made(order, refund, stripe_refund.get("id") or "")
            settled.append(refund)
    if not stripe_refunds and charge_refunded:
        settled += _pending_settled_by_total(order, charge_refunded)
    if failed:
        # Freeze access as it is: a failed refund neither gives back nor takes.
        order.refund_access = RefundAccess.KEEP if had_access else RefundAccess.REVOKE
    order_sync(order=order, had_access=had_access, recount=failed)
    for refund in settled:
        refund_certificate_decision(order, refund)
    return order


def _our_refund(order: Order, stripe_refund: dict) -> Refund | None:
    """Our refund that ``stripe_refund`` is: by Stripe's id, else our metadata."""
    refunds = order.refunds.select_for_update()
    stripe_id = stripe_refund.get("id") or ""
    if stripe_id:
        found = refunds.filter(stripe_refund_id=stripe_id).first()
        if found is not None:
            return found
    ours = str((stripe_refund.get("metadata") or {}).get("refund_id") or "")
    return refunds.filter(pk=int(ours)).first() if ours.isdigit() else None


def _pending_settled_by_total(order: Order, charge_refunded: int) -> list[Refund]:
    refunds = list(order.refunds.select_for_update().order_by("created_at", "pk"))
    room = charge_refunded - sum(
        r.amount for r in refunds if r.status == RefundStatus.MADE
    )
    settled = []
    for refund in refunds:
        if refund.status == RefundStatus.PENDING and refund.amount <= room:
            room -= refund.amount
            refund_mark_made(order, refund, "")
            settled.append(refund)
    return settled


def _refund_failed(order: Order, stripe_refund: dict) -> None:
    refund = _our_refund(order, stripe_refund)
    if refund is None or refund.status == RefundStatus.FAILED:
        return
    refund.status = RefundStatus.FAILED
    refund.stripe_refund_id = stripe_refund.get("id") or refund.stripe_refund_id
    refund.failure_reason = _failure_in_words(stripe_refund.get("failure_reason"))
    refund.save(
        update_fields=["status", "stripe_refund_id", "failure_reason", "updated_at"]
    )
    logger.warning("Refund %s on order %s failed at Stripe", refund.pk, order.pk)


# Stripe's refund failure reasons, as the instructor reads them.
_FAILURE_REASONS = {
    "charge_for_pending_refund_disputed": "the payment was disputed meanwhile",
    "declined": "the card's bank declined the refund",
    "expired_or_canceled_card": "the card has expired or was cancelled",
    "insufficient_funds": "the Stripe balance could not cover it",
    "lost_or_stolen_card": "the card was reported lost or stolen",
    "merchant_request": "it was cancelled from Stripe's dashboard",
    "unknown": "Stripe gave no reason",
}


def _failure_in_words(code: str | None) -> str:
    words = _FAILURE_REASONS.get(code or "unknown")
    return words or (code or "").replace("_", " ")[:255]
