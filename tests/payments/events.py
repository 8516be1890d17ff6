"""Stripe webhook events for tests, built from the captured examples in fixtures/.

Each file under ``fixtures/`` is a whole event as Stripe sends it (``evt_…``,
``object: "event"``, ``api_version``, ``created``, ``data.object`` …). The
builders here load one, give it a fresh event id, and fill in what names our
order: the Checkout Session id, ``client_reference_id`` and ``metadata``, the
payment intent, the amounts. Everything else stays as captured.

``sign()`` makes the ``Stripe-Signature`` header with the SDK's own
``WebhookSignature.generate_signature_header``; ``sign_by_hand()`` builds the
same header from the documented recipe (``t=<timestamp>,v1=<HMAC-SHA256 of
"<timestamp>.<body>">``) so a test can pick any timestamp without trusting
the code under test to compute it.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import secrets
import time
from functools import cache
from pathlib import Path
from typing import Any

import stripe

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SESSION_EVENTS = {
    "completed": "checkout_session_completed_paid",
    "completed_unpaid": "checkout_session_completed_unpaid",
    "async_succeeded": "checkout_session_async_payment_succeeded",
    "async_failed": "checkout_session_async_payment_failed",
    "expired": "checkout_session_expired",
}

# What a session carries that names our order and its payment; the rest of a
# session event (payment_status, status …) is what the event type says.
_SESSION_IDENTITY = (
    "id",
    "client_reference_id",
    "metadata",
    "customer_email",
    "amount_subtotal",
    "amount_total",
    "currency",
    "created",
    "expires_at",
    "success_url",
    "cancel_url",
    "total_details",
)


@cache
def _fixture_text(name: str) -> str:
    return (FIXTURES / f"{name}.json").read_text()


def fixture(name: str) -> dict[str, Any]:
    """A fresh copy of a captured event."""
    return json.loads(_fixture_text(name))


def new_event_id() -> str:
    return "evt_test_" + secrets.token_hex(12)


def _stamp(event: dict[str, Any], event_id: str | None, created: int | None) -> None:
    event["id"] = event_id or new_event_id()
    event["created"] = int(created if created is not None else time.time())


def session_event(
    kind: str,
    session: dict[str, Any],
    *,
    event_id: str | None = None,
    created: int | None = None,
) -> dict[str, Any]:
    """A ``checkout.session.*`` event about ``session`` (a session as Stripe has it).

    ``kind`` is a key of ``SESSION_EVENTS``: ``completed`` (paid),
    ``completed_unpaid`` (a delayed method), ``async_succeeded``,
    ``async_failed`` or ``expired``.
    """
    event = fixture(SESSION_EVENTS[kind])
    _stamp(event, event_id, created)
    obj = event["data"]["object"]
    for key in _SESSION_IDENTITY:
        if key in session:
            obj[key] = copy.deepcopy(session[key])
    if obj.get("payment_intent") is not None:
        obj["payment_intent"] = session.get("payment_intent") or obj["payment_intent"]
    if obj.get("customer_details") and session.get("customer_email"):
        obj["customer_details"]["email"] = session["customer_email"]
    return event


def order_session(
    *,
    order_id: int,
    session_id: str | None = None,
    payment_intent: str | None = None,
    amount: int = 24900,
    currency: str = "usd",
) -> dict[str, Any]:
    """The identity part of a session the double never saw, to build events from."""
    return {
        "id": session_id or "cs_test_" + secrets.token_hex(24),
        "client_reference_id": str(order_id),
        "metadata": {"order_id": str(order_id)},
        "payment_intent": payment_intent or "pi_test_" + secrets.token_hex(12),
        "amount_subtotal": amount,
        "amount_total": amount,
        "currency": currency,
    }


def charge_refunded_event(
    *,
    payment_intent: str,
    amount: int,
    amount_refunded: int,
    charge_id: str | None = None,
    refund_id: str | None = None,
    refund_metadata: dict[str, str] | None = None,
    event_id: str | None = None,
    created: int | None = None,
) -> dict[str, Any]:
    """``charge.refunded``: ``amount_refunded`` is the charge's running total.

    The charge lists one refund of that total (``refund_id``, with
    ``refund_metadata``: ours carry ``order_id`` and ``refund_id``).
    """
    full = amount_refunded >= amount
    event = fixture("charge_refunded_full" if full else "charge_refunded_partial")
    _stamp(event, event_id, created)
    charge = event["data"]["object"]
    charge_id = charge_id or charge["id"]
    charge.update(
        id=charge_id,
        amount=amount,
        amount_captured=amount,
        amount_refunded=amount_refunded,
        refunded=full,
        payment_intent=payment_intent,
    )
    refund = charge["refunds"]["data"][0]
    refund.update(
        id=refund_id or refund["id"],
        amount=amount_refunded,
        charge=charge_id,
        payment_intent=payment_intent,
    )
    if refund_metadata is not None:
        refund["metadata"] = dict(refund_metadata)
    charge["refunds"]["url"] = f"/v1/charges/{charge_id}/refunds"
    return event


def refund_updated_event(
    refund: dict[str, Any],
    *,
    status: str,
    failure_reason: str | None = None,
    event_id: str | None = None,
    created: int | None = None,
) -> dict[str, Any]:
    """``charge.refund.updated`` about ``refund`` (a refund as Stripe returned it).

    The envelope is a captured event's; ``data.object`` is the refund, with
    its new ``status`` (``failed``, ``canceled`` …) and ``failure_reason``.
    """
    event = fixture("charge_refunded_partial")
    _stamp(event, event_id, created)
    event["type"] = "charge.refund.updated"
    obj = copy.deepcopy(refund)
    obj["status"] = status
    if failure_reason is not None:
        obj["failure_reason"] = failure_reason
    event["data"] = {"object": obj, "previous_attributes": {"status": "succeeded"}}
    return event


def dispute_event(
    kind: str,
    *,
    payment_intent: str,
    amount: int,
    charge_id: str | None = None,
    event_id: str | None = None,
    created: int | None = None,
) -> dict[str, Any]:
    """A dispute event: ``kind`` is ``created``, or ``won``/``lost`` for ``closed``."""
    name = {
        "created": "charge_dispute_created",
        "won": "charge_dispute_closed_won",
        "lost": "charge_dispute_closed_lost",
    }[kind]
    event = fixture(name)
    _stamp(event, event_id, created)
    dispute = event["data"]["object"]
    dispute.update(
        amount=amount,
        payment_intent=payment_intent,
        charge=charge_id or dispute["charge"],
    )
    return event


def body_of(event: dict[str, Any]) -> bytes:
    """The raw body Stripe would POST (indented JSON, as Stripe sends it)."""
    return json.dumps(event, indent=2).encode()


def sign(body: bytes, secret: str, *, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header, from the SDK's own test helper."""
    return stripe.WebhookSignature.generate_signature_header(
        body.decode(), secret, timestamp=timestamp
    )


def sign_by_hand(body: bytes, secret: str, *, timestamp: int) -> str:
    """The same header, computed from Stripe's documented scheme."""
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"
