"""Reads for payments."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

from payments.models import Order


def offline_payments_enabled() -> bool:
    """The offline test checkout runs only with DEBUG on and no Stripe key."""
    return bool(settings.DEBUG and not settings.STRIPE_SECRET_KEY)


def learner_orders(*, user) -> QuerySet[Order]:
    return (
        Order.objects.filter(user=user).select_related("course").order_by("-created_at")
    )
