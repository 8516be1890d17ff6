"""Stripe's events: stored first, then processed, and replayable when they fail.

``stripe_event_receive`` stores a verified event in its own transaction
(committed, so it is never lost), then ``stripe_event_handle`` processes it in
a second one that locks the event row: an event already processed is skipped;
success records ``processed_at``; failure records the error in words, the
time and the attempt count, and rolls back whatever the handler wrote. The
webhook answers 500 on failure so Stripe retries; ``manage.py
stripe_events_replay`` and the admin's "Payment problems" screen retry too.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from payments import stripe_gateway
from payments.models import Order, OrderStatus, StripeEvent
from payments.refund_reconcile import refunds_reconcile
from payments.services import (
    checkout_fulfil,
    order_mark_unpaid_outcome,
    order_sync_by_payment_intent,
)
from payments.stripe_gateway import WebhookEvent

logger = logging.getLogger(__name__)


class EventOutcome(enum.StrEnum):
    PROCESSED = "processed"
    ALREADY_PROCESSED = "already processed"
    IGNORED = "ignored"
    FAILED = "failed"  # worth retrying: Stripe is answered 500
    MALFORMED = "malformed"  # retrying cannot help: Stripe is answered 200


# Handlers ----------------------------------------------------------------------


def _session_event(event: WebhookEvent) -> Order | None:
    return checkout_fulfil(session=stripe_gateway.session_from_dict(event.data_object))


def _failed_event(event: WebhookEvent) -> Order | None:
    return order_mark_unpaid_outcome(
        session=stripe_gateway.session_from_dict(event.data_object),
        outcome=OrderStatus.FAILED,
    )


def _expired_event(event: WebhookEvent) -> Order | None:
    return order_mark_unpaid_outcome(
        session=stripe_gateway.session_from_dict(event.data_object),
        outcome=OrderStatus.EXPIRED,
    )


def _charge_event(event: WebhookEvent) -> Order | None:
    return order_sync_by_payment_intent(payment_intent_id=payment_intent_of(event))


def _charge_refunded_event(event: WebhookEvent) -> Order | None:
    charge = event.data_object
    listed = (charge.get("refunds") or {}).get("data") or []
    return refunds_reconcile(
        payment_intent_id=payment_intent_of(event),
        stripe_refunds=[r for r in listed if isinstance(r, dict)],
        charge_refunded=int(charge.get("amount_refunded") or 0),
    )


def _refund_updated_event(event: WebhookEvent) -> Order | None:
    return refunds_reconcile(
        payment_intent_id=payment_intent_of(event), stripe_refunds=[event.data_object]
    )


EVENT_HANDLERS: dict[str, Callable[[WebhookEvent], Order | None]] = {
    "checkout.session.completed": _session_event,
    "checkout.session.async_payment_succeeded": _session_event,
    "checkout.session.async_payment_failed": _failed_event,
    "checkout.session.expired": _expired_event,
    "charge.refunded": _charge_refunded_event,
    "charge.refund.updated": _refund_updated_event,
    "charge.dispute.created": _charge_event,
    "charge.dispute.closed": _charge_event,
}

# What a handler raises on a field missing or of the wrong type in the event.
MALFORMED_EVENT_ERRORS = (KeyError, TypeError, ValueError, AttributeError, DataError)


def payment_intent_of(event: WebhookEvent) -> str:
    value = event.data_object.get("payment_intent") or ""
    return value.get("id", "") if isinstance(value, dict) else value


# Receiving, processing, replaying ---------------------------------------------------


def stripe_event_receive(*, event: WebhookEvent) -> EventOutcome:
    """Store a verified event (committed), then process it. Never inside atomic().

    Event types we do not handle are answered IGNORED and not stored.
    """
    if event.type not in EVENT_HANDLERS:
        return EventOutcome.IGNORED
    stripe_event_store(event=event)
    return stripe_event_handle(event_id=event.id)


def stripe_event_store(*, event: WebhookEvent) -> StripeEvent:
    """Store the event once under its id, in its own transaction.

    A concurrent delivery of the same event loses the insert
    (``IntegrityError``) and gets the stored row instead.
    """
    try:
        with transaction.atomic():
            return StripeEvent.objects.create(
                event_id=event.id,
                type=event.type,
                payload=event.payload,
                payment_intent_id=payment_intent_of(event)
                if isinstance(event.data_object, dict)
                else "",
            )
    except IntegrityError:
        return StripeEvent.objects.get(event_id=event.id)


def stripe_event_handle(*, event_id: str) -> EventOutcome:
    """Process a stored event once, recording success or the failure.

    Locks the event row (a concurrent delivery or replay waits, then finds it
    processed). The handler runs in a savepoint: if it raises, what it wrote
    is undone and the event keeps its error, the time and one more attempt,
    with ``processed_at`` empty, so a later delivery or replay runs it again.
    """
    with transaction.atomic():
        record = StripeEvent.objects.select_for_update().get(event_id=event_id)
        if record.processed_at is not None:
            return EventOutcome.ALREADY_PROCESSED
        handler = EVENT_HANDLERS.get(record.type)
        if handler is None:
            return EventOutcome.IGNORED
        try:
            with transaction.atomic():
                order = handler(_event_of(record))
        except MALFORMED_EVENT_ERRORS as error:
            logger.exception("Stripe event %s (%s) is malformed", event_id, record.type)
            _record_failure(record, _malformed_in_words(error))
            return EventOutcome.MALFORMED
        except Exception as error:  # noqa: BLE001 - recorded, then Stripe retries
            logger.exception("Stripe event %s (%s) failed.", event_id, record.type)
            _record_failure(record, _error_in_words(error))
            return EventOutcome.FAILED
        record.order = order
        record.processed_at = timezone.now()
        record.error = ""
        record.save(update_fields=["order", "processed_at", "error"])
    return EventOutcome.PROCESSED


def stripe_events_replay(
    *, event_ids: Iterable[str] = (), since: datetime | None = None
) -> list[tuple[StripeEvent, EventOutcome]]:
    """Process again the stored events not yet processed (failed or never run).

    ``event_ids`` names events (processed ones are reported, not rerun);
    ``since`` keeps those received since then. Oldest first.
    """
    ids = list(event_ids)
    events = StripeEvent.objects.order_by("created_at", "pk")
    if ids:
        events = events.filter(event_id__in=ids)
    else:
        events = events.filter(processed_at=None)
    if since is not None:
        events = events.filter(created_at__gte=since)
    done = []
    for record in list(events):
        outcome = stripe_event_handle(event_id=record.event_id)
        record.refresh_from_db()
        done.append((record, outcome))
    return done


def _event_of(record: StripeEvent) -> WebhookEvent:
    return WebhookEvent(
        id=record.event_id,
        type=record.type,
        data_object=record.payload["data"]["object"],
        payload=record.payload,
    )


def _record_failure(record: StripeEvent, error: str) -> None:
    record.attempts += 1
    record.error = error[:2000]
    record.failed_at = timezone.now()
    record.save(update_fields=["attempts", "error", "failed_at"])


def _error_in_words(error: Exception) -> str:
    detail = str(error).strip()
    if not detail:
        return "An unexpected error stopped it (the server log has the details)."
    return f"An unexpected error stopped it: {detail.rstrip('.')}."


def _malformed_in_words(error: Exception) -> str:
    detail = str(error).strip().strip("'\"")
    missing = f" (about {detail})" if detail else ""
    return (
        f"Stripe's message lacks information it needs or has it in the wrong "
        f"form{missing}; trying again will not help. Check the payment in Stripe."
    )
