"""Reads for the admin's "Payment problems" screen, in words.

Stripe events whose handling failed (kept with the error, waiting for a
retry) and refunds that failed at Stripe after being made. No ids, no codes:
what happened, to whom, when, and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.money import money_format
from payments.models import Order, Refund, RefundStatus, StripeEvent
from payments.order_display import datetime_display, person_display

EVENT_WORDS = {
    "checkout.session.completed": gettext_lazy("Stripe said a checkout was completed"),
    "checkout.session.async_payment_succeeded": gettext_lazy(
        "Stripe said a delayed payment cleared"
    ),
    "checkout.session.async_payment_failed": gettext_lazy(
        "Stripe said a delayed payment failed"
    ),
    "checkout.session.expired": gettext_lazy("Stripe said a checkout expired unpaid"),
    "charge.refunded": gettext_lazy("Stripe said a payment was refunded"),
    "charge.refund.updated": gettext_lazy("Stripe said a refund changed"),
    "charge.dispute.created": gettext_lazy("Stripe said a payment was disputed"),
    "charge.dispute.closed": gettext_lazy("Stripe said a dispute was closed"),
}


@dataclass(frozen=True)
class FailedEvent:
    pk: int  # for the retry button's address only; never shown
    what: str
    order: str
    received_at: str
    failed_at: str
    attempts: int
    error: str


@dataclass(frozen=True)
class FailedRefund:
    amount: str
    order: str
    requested_at: str
    failed_at: str
    reason: str
    access: str


@dataclass(frozen=True)
class PendingRefund:
    pk: int  # for the "Ask Stripe again" button's address only; never shown
    amount: str
    order: str
    requested_at: str


def pending_refunds() -> list[PendingRefund]:
    """Refunds recorded but not yet confirmed by Stripe, oldest first."""
    refunds = (
        Refund.objects.filter(status=RefundStatus.PENDING)
        .select_related("order__user", "order__course")
        .order_by("created_at")
    )
    return [
        PendingRefund(
            pk=refund.pk,
            amount=money_format(refund.amount, refund.order.currency),
            order=_order_words(refund.order),
            requested_at=datetime_display(refund.created_at),
        )
        for refund in refunds
    ]


def failed_stripe_events() -> QuerySet[StripeEvent]:
    return StripeEvent.objects.filter(processed_at=None, attempts__gt=0)


def failed_events() -> list[FailedEvent]:
    """Stripe events that failed and were not processed since, newest first."""
    rows = []
    for record in failed_stripe_events().select_related("order__user", "order__course"):
        rows.append(
            FailedEvent(
                pk=record.pk,
                what=str(EVENT_WORDS.get(record.type, _("Stripe sent a message"))),
                order=_order_words(record.order or _order_named_by(record)),
                received_at=datetime_display(record.created_at),
                failed_at=datetime_display(record.failed_at),
                attempts=record.attempts,
                error=record.error,
            )
        )
    return rows


def failed_refunds() -> list[FailedRefund]:
    refunds = Refund.objects.filter(status=RefundStatus.FAILED).select_related(
        "order__user", "order__course"
    )
    return [
        FailedRefund(
            amount=money_format(refund.amount, refund.order.currency),
            order=_order_words(refund.order),
            requested_at=datetime_display(refund.created_at),
            failed_at=datetime_display(refund.updated_at),
            reason=refund.failure_reason or _("Stripe gave no reason"),
            access=(
                _("The learner has no access, as you decided when refunding.")
                if refund.revoke_access
                else _("The learner keeps access, as you decided when refunding.")
            ),
        )
        for refund in refunds
    ]


def _order_named_by(record: StripeEvent) -> Order | None:
    """The order a failed event is about, read from what Stripe sent."""
    obj = (record.payload.get("data") or {}).get("object") or {}
    if not isinstance(obj, dict):
        return None
    reference = obj.get("client_reference_id") or (obj.get("metadata") or {}).get(
        "order_id"
    )
    reference = str(reference or "")
    query = Q(pk=int(reference)) if reference.isdigit() else Q(pk=None)
    if record.payment_intent_id:
        query |= Q(payment_intent_id=record.payment_intent_id)
    return Order.objects.filter(query).select_related("user", "course").first()


def _order_words(order: Order | None) -> str:
    if order is None:
        return _("No order of ours that we can find")
    return _("Order %(number)s: %(person)s, %(course)s") % {
        "number": order.number,
        "person": person_display(order.user),
        "course": order.course.title,
    }
