"""Writes for payments: orders, fulfilment, and the sync every change ends in.

Money and access never disagree: every change to an order ends in
``order_sync``, which derives the order's status and the learner's access
from facts that only move forward (paid once, the largest refunded amount
seen, a dispute's final outcome; a refund that failed later is counted out).
So duplicated, delayed or reordered events end in the same state.

By subject, beside this module: ``payments.checkout`` (starting a purchase),
``payments.refunds`` (refunds, recorded before Stripe is asked) and
``payments.webhooks`` (Stripe's events, stored first, then processed),
``payments.charge_facts`` (what the stored charge events say).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import User
from courses.models import CoursePage, Enrollment, EnrollmentSource
from courses.services import (
    enrollment_certificates_revoke,
    enrollment_grant,
    enrollment_revoke,
)
from payments.charge_facts import charge_facts
from payments.lock_objects import order_lock, payment_lock
from payments.models import (
    DisputeStatus,
    Order,
    OrderStatus,
    RefundAccess,
    RefundStatus,
)
from payments.stripe_gateway import CheckoutSession
from payments.tasks import (
    order_confirmation_send,
    refund_notice_send,
    sale_notice_send,
)

logger = logging.getLogger(__name__)

DISPUTE_LOST_REASON = "Payment disputed and lost"


# Outcomes of an unpaid order, weakest first: a later, stronger one wins.
_UNPAID_RANK: dict[str, int] = {
    OrderStatus.PENDING: 0,
    OrderStatus.PROCESSING: 1,
    OrderStatus.EXPIRED: 2,
    OrderStatus.FAILED: 3,
}


def order_create(*, user: User, course: CoursePage, is_test: bool = False) -> Order:
    """A pending order at the course's current price, before Checkout."""
    return Order.objects.create(
        user=user,
        course=course,
        amount=course.price_amount,
        currency=course.currency,
        is_test=is_test,
    )


def _derived_status(order: Order) -> str:
    if not order.is_paid:
        return order.status if order.status in _UNPAID_RANK else OrderStatus.PENDING
    if order.is_fully_refunded:
        return OrderStatus.REFUNDED
    if order.amount_refunded:
        return OrderStatus.PARTIALLY_REFUNDED
    return OrderStatus.PAID


def order_gives_access(order: Order) -> bool:
    """Whether the facts of ``order`` entitle its learner to the course."""
    if not order.is_paid or order.dispute_status == DisputeStatus.LOST:
        return False
    if order.refund_access == RefundAccess.REVOKE:
        return False
    if order.refund_access == RefundAccess.KEEP:
        return True
    return not order.is_fully_refunded


def order_sync(*, order: Order, had_access: bool, recount: bool = False) -> Order:
    """Derive a locked order's status from its facts and apply a change of access.

    Call inside ``transaction.atomic()`` with the order locked (``order_lock``),
    passing whether the order gave access before this change. Access is
    granted or revoked only when it changes, so a late duplicate never undoes
    what an instructor did by hand. The confirmation email is sent on commit,
    once, when a purchase first gives access; a refund notice, once for each
    rise of the refunded amount (a refund made here, or in Stripe's dashboard
    and learned from ``charge.refunded``; a duplicate event raises nothing).

    When a dispute is first seen lost, the course's valid CE certificates for
    the learner are revoked too ("Payment disputed and lost"), unless another
    paid order still pays for the course; a duplicated or later event finds
    nothing valid left. A dispute won afterwards does not restore them.

    The refunded amount only rises, except with ``recount`` (a refund failed
    later): then it is counted afresh from the facts, failed refunds left out.
    """
    dispute_before = order.dispute_status
    refunded, dispute = charge_facts(order)
    local_refunds = (
        order.refunds.filter(status=RefundStatus.MADE).aggregate(total=Sum("amount"))[
            "total"
        ]
        or 0
    )
    refunded_before = order.amount_refunded
    stored = 0 if recount else order.amount_refunded
    order.amount_refunded = max(stored, refunded, local_refunds)
    refunded_now = order.amount_refunded - refunded_before
    if refunded_now > 0:
        transaction.on_commit(
            lambda: refund_notice_send.enqueue(order.pk, refunded_now), robust=True
        )
    order.dispute_status = dispute if dispute else order.dispute_status
    order.status = _derived_status(order)
    order.save()

    has_access = order_gives_access(order)
    if has_access and not had_access:
        _enrollment, changed = enrollment_grant(
            user=order.user, course=order.course, source=EnrollmentSource.PURCHASE
        )
        if changed:
            transaction.on_commit(
                lambda: order_confirmation_send.enqueue(order.pk), robust=True
            )
    elif had_access and not has_access and not _other_order_gives_access(order):
        enrollment = Enrollment.objects.filter(
            user=order.user, course=order.course, source=EnrollmentSource.PURCHASE
        ).first()
        if enrollment is not None:
            reason = (
                "dispute lost"
                if order.dispute_status == DisputeStatus.LOST
                else "refunded"
            )
            enrollment_revoke(
                enrollment=enrollment, reason=f"Order {order.number} {reason}"
            )
    if (
        order.dispute_status == DisputeStatus.LOST
        and dispute_before != DisputeStatus.LOST
        and not _other_order_gives_access(order)
    ):
        certificates_revoke_for_order(
            order, reason=f"{DISPUTE_LOST_REASON} (order {order.number})"
        )
    return order


def certificates_revoke_for_order(order: Order, *, reason: str) -> None:
    enrollment = Enrollment.objects.filter(user=order.user, course=order.course).first()
    if enrollment is not None:
        revoked = enrollment_certificates_revoke(enrollment=enrollment, reason=reason)
        for certificate in revoked:
            logger.info("Certificate %s revoked: %s", certificate.serial, reason)


def _other_order_gives_access(order: Order) -> bool:
    """A learner who paid twice keeps the course while another order pays for it."""
    others = Order.objects.filter(
        user=order.user, course=order.course, paid_at__isnull=False
    ).exclude(pk=order.pk)
    return any(order_gives_access(other) for other in others)


@transaction.atomic
def checkout_fulfil(*, session: CheckoutSession) -> Order | None:
    """Record what a Checkout Session says about its order, then sync access.

    Called by the webhook, the success page, the offline test checkout and
    ``stripe_reconcile`` alike. Idempotent: it locks the order row, and a paid
    order stays paid. When the order first becomes paid, the instructors are
    told of the sale on commit (``sale_notice_send``), once. Returns None when
    the session names no order of ours.
    """
    if session.order_id is None:
        return None
    payment_lock(payment_intent_id=session.payment_intent_id)
    try:
        order = order_lock(order_id=session.order_id)
    except Order.DoesNotExist:
        logger.warning("Checkout Session %s names unknown order", session.id)
        return None
    had_access = order_gives_access(order)
    if order.checkout_session_id and order.checkout_session_id != session.id:
        logger.warning("Session %s does not belong to order %s", session.id, order.pk)
        return None
    order.checkout_session_id = session.id
    if session.payment_intent_id:
        order.payment_intent_id = session.payment_intent_id
    if session.payment_status in ("paid", "no_payment_required") and not order.is_paid:
        order.paid_at = timezone.now()
        order.amount_paid = session.amount_total or 0
        order.discount_amount = max(order.amount - order.amount_paid, 0)
        logger.info("Order %s paid (session %s)", order.pk, session.id)
        transaction.on_commit(lambda: sale_notice_send.enqueue(order.pk), robust=True)
    elif session.status == "complete" and not order.is_paid:
        order.status = _stronger(order.status, OrderStatus.PROCESSING)
    return order_sync(order=order, had_access=had_access)


def _stronger(current: str, new: str) -> str:
    return new if _UNPAID_RANK.get(new, 0) > _UNPAID_RANK.get(current, 0) else current


@transaction.atomic
def order_mark_unpaid_outcome(
    *, session: CheckoutSession, outcome: str
) -> Order | None:
    """Record a failed async payment or an expired session (a paid order ignores it)."""
    if session.order_id is None:
        return None
    try:
        order = order_lock(order_id=session.order_id)
    except Order.DoesNotExist:
        return None
    if not order.is_paid:
        order.status = _stronger(order.status, outcome)
    return order_sync(order=order, had_access=order_gives_access(order))


@transaction.atomic
def order_sync_by_payment_intent(*, payment_intent_id: str) -> Order | None:
    """Re-derive the order paid by ``payment_intent_id``, if we know it yet.

    A charge event may arrive before the Checkout Session that names its
    payment: it is stored, and fulfilment folds it in when the order learns
    its payment intent.
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
    return order_sync(order=order, had_access=order_gives_access(order))
