"""Refunds that cannot be lost: recorded first, then Stripe, then the outcome.

``order_refund`` runs in three steps, none of them holding a lock while
Stripe is asked:

1. ``refund_request`` locks the order, checks the amount and commits a
   pending ``Refund`` carrying the instructor's decisions (access, certificate);
2. Stripe is asked, with an idempotency key derived from that refund;
3. ``refund_settle`` records the answer and applies her decisions.

If step 3 never commits (a crash, a database error), Stripe's
``charge.refunded`` webhook settles the pending refund the same way
(``payments.refund_reconcile``), her decisions included. A refund that fails later
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
    refund_mark_made(order, refund, stripe_refund_id)
    order_sync(order=order, had_access=had_access)
    refund_certificate_decision(order, refund)
    return refund


def refund_mark_made(order: Order, refund: Refund, stripe_refund_id: str) -> None:
    refund.status = RefundStatus.MADE
    refund.stripe_refund_id = stripe_refund_id or refund.stripe_refund_id
    refund.save(update_fields=["status", "stripe_refund_id", "updated_at"])
    order.refund_access = (
        RefundAccess.REVOKE if refund.revoke_access else RefundAccess.KEEP
    )


def refund_certificate_decision(order: Order, refund: Refund) -> None:
    if refund.revoke_certificate:
        why = f"Refunded (order {order.number})"
        reason = f"{why}: {refund.reason}" if refund.reason else why
        certificates_revoke_for_order(order, reason=reason)
