"""Orders and the Stripe events that change them. Nothing here is ever deleted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.money import money_format


class OrderStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting payment")
    PROCESSING = "processing", _("Payment processing")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Payment failed")
    EXPIRED = "expired", _("Checkout expired")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
    REFUNDED = "refunded", _("Refunded")


class DisputeStatus(models.TextChoices):
    NONE = "", _("No dispute")
    OPEN = "open", _("Disputed")
    WON = "won", _("Dispute won")
    LOST = "lost", _("Dispute lost")


class RefundAccess(models.TextChoices):
    BY_RULE = "", _("Full refunds revoke access; partial ones keep it")
    KEEP = "keep", _("The learner keeps access")
    REVOKE = "revoke", _("Access is revoked")


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for Stripe's answer")
    MADE = "made", _("Refunded")
    FAILED = "failed", _("Failed: the money did not go back")


class Order(models.Model):
    """One purchase of one course, created before the learner goes to Checkout.

    The amount and currency are copied from the course at purchase time. The
    payment facts (paid, refunded amount, dispute) only ever move forward, so
    the state does not depend on the order Stripe's events arrive in.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="orders"
    )
    amount = models.PositiveIntegerField(help_text=_("List price, in minor units."))
    currency = models.CharField(max_length=3)
    discount_amount = models.PositiveIntegerField(default=0)
    amount_paid = models.PositiveIntegerField(default=0)
    amount_refunded = models.PositiveIntegerField(default=0)
    status = models.CharField(
        max_length=24, choices=OrderStatus.choices, default=OrderStatus.PENDING
    )
    dispute_status = models.CharField(
        max_length=8,
        choices=DisputeStatus.choices,
        default=DisputeStatus.NONE,
        blank=True,
    )
    refund_access = models.CharField(
        max_length=8,
        choices=RefundAccess.choices,
        default=RefundAccess.BY_RULE,
        blank=True,
        help_text=_("What the instructor decided about access when refunding."),
    )
    checkout_session_id = models.CharField(
        max_length=255, unique=True, null=True, blank=True
    )
    payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    is_test = models.BooleanField(
        default=False, help_text=_("Paid through the offline test checkout.")
    )
    paid_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("order")

    def __str__(self) -> str:
        number = self.number if self.pk else "new"
        return f"Order {number} ({self.get_status_display()})"

    @property
    def number(self) -> str:
        return f"P-{self.pk:06d}"

    @property
    def is_paid(self) -> bool:
        return self.paid_at is not None

    @property
    def is_fully_refunded(self) -> bool:
        return self.is_paid and self.amount_refunded >= self.amount_paid > 0

    @property
    def refundable_amount(self) -> int:
        """What can still be refunded: paid, less refunded and refunds in flight.

        The one place this is computed (the refund screen, its button and
        ``order_refund`` read it). A refund waiting for Stripe's answer counts
        as spent, so two screens cannot refund the same money twice.
        """
        if not self.is_paid:
            return 0
        pending = sum(
            refund.amount
            for refund in self.refunds.all()
            if refund.status == RefundStatus.PENDING
        )
        return max(self.amount_paid - self.amount_refunded - pending, 0)


class StripeEvent(models.Model):
    """Every Stripe event we received, stored once under its id: the audit trail."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payload = models.JSONField()
    order = models.ForeignKey(
        Order, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(
        default=0, help_text=_("How many times handling this event failed.")
    )
    error = models.TextField(
        blank=True, help_text=_("Why handling this event last failed, in words.")
    )
    failed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Stripe event")

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"


class Refund(models.Model):
    """A refund the instructor asked for; whether access and certificate were kept.

    Recorded (pending) and committed before Stripe is asked, so her decision
    survives whatever happens next; Stripe's answer, or its ``charge.refunded``
    and ``charge.refund.updated`` webhooks, settle it as made or failed.
    """

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="refunds")
    amount = models.PositiveIntegerField()
    revoke_access = models.BooleanField()
    revoke_certificate = models.BooleanField(
        default=False,
        help_text=_(
            "Whether the instructor revoked the course's CE certificate with "
            "this refund."
        ),
    )
    stripe_refund_id = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=8, choices=RefundStatus.choices, default=RefundStatus.PENDING
    )
    failure_reason = models.CharField(max_length=255, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("refund")

    def __str__(self) -> str:
        amount = money_format(self.amount, self.order.currency)
        return f"Refund of {amount} on {self.order.number}"

    @property
    def idempotency_key(self) -> str:
        """Stripe's key for this refund: a retry can never refund twice."""
        return f"practicum-refund-{self.pk}"
