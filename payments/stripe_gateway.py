"""The only module that imports ``stripe``: each call we make, wrapped.

The API version is pinned; ``STRIPE_API_BASE`` points the SDK at a local double
(tests) and is empty in production. Stripe objects are not dicts in stripe 16:
we turn what we need into plain dataclasses here, so no other module depends
on the SDK's types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings

import stripe

API_VERSION = "2026-10-28.endive"
StripeError = stripe.StripeError
# Errors after which we cannot know whether Stripe acted: the connection broke,
# or Stripe failed on its side. Any other StripeError is Stripe saying no.
StripeOutcomeUnknown = (stripe.APIConnectionError, stripe.APIError)
SignatureError = (ValueError, stripe.SignatureVerificationError)


@dataclass(frozen=True)
class CheckoutSession:
    """What fulfilment needs to know about a Checkout Session."""

    id: str
    order_id: int | None
    payment_status: str  # "paid", "unpaid" or "no_payment_required"
    status: str  # "open", "complete" or "expired"
    payment_intent_id: str
    amount_total: int | None
    currency: str
    url: str = ""


@dataclass(frozen=True)
class WebhookEvent:
    id: str
    type: str
    data_object: dict
    payload: dict


def _client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        stripe_version=API_VERSION,
        base_addresses=(
            {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
        ),
        max_network_retries=0 if settings.STRIPE_API_BASE else 2,
    )


def _order_id(session: dict) -> int | None:
    raw: Any = session.get("client_reference_id") or (
        session.get("metadata") or {}
    ).get("order_id")
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def session_from_dict(session: dict) -> CheckoutSession:
    """Read a Checkout Session (as a plain dict) into our dataclass."""
    payment_intent = session.get("payment_intent") or ""
    if isinstance(payment_intent, dict):
        payment_intent = payment_intent.get("id", "")
    return CheckoutSession(
        id=session["id"],
        order_id=_order_id(session),
        payment_status=session.get("payment_status") or "unpaid",
        status=session.get("status") or "open",
        payment_intent_id=payment_intent,
        amount_total=session.get("amount_total"),
        currency=(session.get("currency") or "").lower(),
        url=session.get("url") or "",
    )


def checkout_session_create(
    *,
    order_id: int,
    course_title: str,
    amount: int,
    currency: str,
    customer_email: str,
    success_url: str,
    cancel_url: str,
) -> CheckoutSession:
    """Create a hosted Checkout Session for one course (mode=payment)."""
    session = _client().v1.checkout.sessions.create(
        params={
            "mode": "payment",
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": currency,
                        "unit_amount": amount,
                        "product_data": {"name": course_title},
                    },
                }
            ],
            "customer_email": customer_email,
            "client_reference_id": str(order_id),
            "metadata": {"order_id": str(order_id)},
            "payment_intent_data": {"metadata": {"order_id": str(order_id)}},
            "allow_promotion_codes": True,
            "success_url": success_url,
            "cancel_url": cancel_url,
        },
        options={"idempotency_key": f"practicum-order-{order_id}"},
    )
    return session_from_dict(session.to_dict())


def checkout_session_retrieve(session_id: str) -> CheckoutSession:
    session = _client().v1.checkout.sessions.retrieve(session_id)
    return session_from_dict(session.to_dict())


def checkout_sessions_completed_since(since: datetime) -> list[CheckoutSession]:
    """Every complete Checkout Session created since ``since`` (all pages)."""
    listing = _client().v1.checkout.sessions.list(
        params={
            "created": {"gte": int(since.timestamp())},
            "limit": 100,
            "status": "complete",
        }
    )
    return [session_from_dict(s.to_dict()) for s in listing.auto_paging_iter()]


def refund_create(
    *,
    payment_intent_id: str,
    amount: int,
    order_id: int,
    refund_id: int,
    idempotency_key: str,
) -> str:
    """Refund ``amount`` of a payment; returns the Stripe refund id.

    The refund carries our order and refund ids in its metadata, so Stripe's
    ``charge.refunded`` can name the refund we recorded before asking.
    """
    refund = _client().v1.refunds.create(
        params={
            "payment_intent": payment_intent_id,
            "amount": amount,
            "metadata": {"order_id": str(order_id), "refund_id": str(refund_id)},
        },
        options={"idempotency_key": idempotency_key},
    )
    return refund.id


def webhook_event_construct(payload: bytes, signature: str | None) -> WebhookEvent:
    """Verify the signature and parse the event. Raises one of ``SignatureError``."""
    if not signature or not settings.STRIPE_WEBHOOK_SECRET:
        raise ValueError("Missing Stripe-Signature header or webhook secret.")
    event = stripe.Webhook.construct_event(
        payload, signature, settings.STRIPE_WEBHOOK_SECRET
    )
    data = event.to_dict()
    return WebhookEvent(
        id=data["id"],
        type=data["type"],
        data_object=data["data"]["object"],
        payload=data,
    )
