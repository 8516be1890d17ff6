"""Refunds that cannot be lost: recorded first, then Stripe, then the outcome.

``order_refund`` runs in three steps, none of them holding a lock while
Stripe is asked:

1. ``refund_request`` locks the order, checks the amount and commits a
   pending ``Refund`` carrying the instructor's decisions (access, certificate);
2. Stripe is asked, with an idempotency key derived from that refund;
3. ``refund_settle`` records the answer and applies her decisions.

If step 3 never commits (a crash, a database error), Stripe's
``charge.refunded`` webhook settles the pending refund the same way
(``refunds_reconcile``), her decisions included. A refund that fails later
(``charge.refund.updated``) is marked failed and changes nobody's access:
the instructor is told in the admin ("Payment problems") and decides.
"""

from __future__ import annotations

import logging

from django.db import transaction

from accounts.models import User
from payments import stripe_gateway
from payments.lock_objects import order_lock, payment_lock
from payments.models import Order, Refund, RefundAccess, RefundStatus
from payments.services import (
    FAILED_STATUSES,
    certificates_revoke_for_order,
    order_gives_access,
    order_sync,
)

logger = logging.getLogger(__name__)


class RefundRefused(ValueError):
    """The refund cannot be made as asked; nothing was refunded or recorded."""


class RefundAlreadyMade(RefundRefused):
    """The order was refunded since the form was shown (a double submit, or two
    people at once), or a refund of it is still waiting for Stripe: nothing
    more was refunded."""


class RefundOutcomeUnknown(Exception):
    """Stripe did not answer: the refund stays recorded as pending, and
    Stripe's ``charge.refunded`` (or a retry with the same key) settles it."""


def order_refund(
    *,
    order: Order,
    amount: int,
    revoke_access: bool,
    requested_by: User,
    reason: str = "",
    revoke_certificate: bool = False,
    refunded_before: int | None = None,
) -> Refund:
    """Refund part or all of a paid order through Stripe; record the decision.

    ``revoke_access`` is the instructor's choice; it is stored on the refund
    and, once the refund is made, on the order, so later Stripe events
    respect it. ``revoke_certificate`` (her choice too, default keep) revokes
    the course's valid CE certificates for the learner, the refund named in
    the reason.

    Never call this inside ``transaction.atomic()``: the pending refund must
    commit before Stripe is asked, and no order lock is held while Stripe
    answers. Raises ``RefundAlreadyMade`` (refunded since the form was shown,
    or a refund still pending), ``RefundRefused`` (nothing to refund, or a bad
    amount), a ``StripeError`` when Stripe says no (the pending refund is
    withdrawn: nothing happened), or ``RefundOutcomeUnknown`` when Stripe did
    not answer (the refund stays pending until Stripe confirms it).
    """
    refund = refund_request(
        order=order,
        amount=amount,
        revoke_access=revoke_access,
        revoke_certificate=revoke_certificate,
        requested_by=requested_by,
        reason=reason,
        refunded_before=refunded_before,
    )
    return refund_send(refund=refund)


@transaction.atomic
def refund_request(
    *,
    order: Order,
    amount: int,
    revoke_access: bool,
    revoke_certificate: bool,
    requested_by: User,
    reason: str,
    refunded_before: int | None,
) -> Refund:
    """Step 1: lock the order, check the amount, record a pending refund."""
    order = order_lock(order_id=order.pk)
    if not order.is_paid:
        raise RefundRefused("Only a paid order can be refunded.")
    pending = order.refunds.filter(status=RefundStatus.PENDING).exists()
    if pending or (
        refunded_before is not None and order.amount_refunded != refunded_before
    ):
        raise RefundAlreadyMade("The order was refunded since the form was shown.")
    refundable = order.refundable_amount
    if refundable <= 0:
        raise RefundAlreadyMade("The order has been refunded in full already.")
    if not 0 < amount <= refundable:
        raise RefundRefused(f"The refund must be between 1 and {refundable}.")
    return Refund.objects.create(
        order=order,
        amount=amount,
        revoke_access=revoke_access,
        revoke_certificate=revoke_certificate,
        requested_by=requested_by,
        reason=reason[:255],
        status=RefundStatus.PENDING,
    )


def refund_send(*, refund: Refund) -> Refund:
    """Step 2 and 3: ask Stripe for a pending refund, then record its answer.

    Safe to call again for the same pending refund: the idempotency key makes
    Stripe answer the first refund again instead of refunding twice.
    """
    order = refund.order
    if order.is_test:
        return refund_settle(refund_id=refund.pk, stripe_refund_id="")
    try:
        stripe_refund_id = stripe_gateway.refund_create(
            payment_intent_id=order.payment_intent_id,
            amount=refund.amount,
            order_id=order.pk,
            refund_id=refund.pk,
            idempotency_key=refund.idempotency_key,
        )
    except stripe_gateway.StripeOutcomeUnknown as error:
        logger.warning("Refund %s: Stripe did not answer (%s)", refund.pk, error)
        raise RefundOutcomeUnknown(str(error)) from error
    except stripe_gateway.StripeError:
        _refund_withdraw(refund_id=refund.pk)
        raise
    return refund_settle(refund_id=refund.pk, stripe_refund_id=stripe_refund_id)


@transaction.atomic
def _refund_withdraw(*, refund_id: int) -> None:
    """Stripe said no: the pending refund never happened, so it is not kept."""
    Refund.objects.filter(pk=refund_id, status=RefundStatus.PENDING).delete()


@transaction.atomic
def refund_settle(*, refund_id: int, stripe_refund_id: str) -> Refund:
    """Step 3: Stripe made the refund; record it and apply her decisions.

    Locks the payment, the order, then the refund. A refund the webhook
    settled first is left as it is (idempotent).
    """
    order_id, payment_intent_id = Refund.objects.filter(pk=refund_id).values_list(
        "order_id", "order__payment_intent_id"
    )[0]
    payment_lock(payment_intent_id=payment_intent_id)
    order = order_lock(order_id=order_id)
    refund = Refund.objects.select_for_update().get(pk=refund_id)
    if refund.status != RefundStatus.PENDING:
        return refund
    had_access = order_gives_access(order)
    _refund_made(order, refund, stripe_refund_id)
    order_sync(order=order, had_access=had_access)
    _certificate_decision(order, refund)
    return refund


def _refund_made(order: Order, refund: Refund, stripe_refund_id: str) -> None:
    refund.status = RefundStatus.MADE
    refund.stripe_refund_id = stripe_refund_id or refund.stripe_refund_id
    refund.save(update_fields=["status", "stripe_refund_id", "updated_at"])
    order.refund_access = (
        RefundAccess.REVOKE if refund.revoke_access else RefundAccess.KEEP
    )


def _certificate_decision(order: Order, refund: Refund) -> None:
    if refund.revoke_certificate:
        why = f"Refunded (order {order.number})"
        reason = f"{why}: {refund.reason}" if refund.reason else why
        certificates_revoke_for_order(order, reason=reason)


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
            _refund_made(order, refund, stripe_refund.get("id") or "")
            settled.append(refund)
    if not stripe_refunds and charge_refunded:
        settled += _pending_settled_by_total(order, charge_refunded)
    if failed:
        # Freeze access as it is: a failed refund neither gives back nor takes.
        order.refund_access = RefundAccess.KEEP if had_access else RefundAccess.REVOKE
    order_sync(order=order, had_access=had_access, recount=failed)
    for refund in settled:
        _certificate_decision(order, refund)
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
            _refund_made(order, refund, "")
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
