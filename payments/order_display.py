"""How an order reads in the admin: one label and one value per fact.

The Orders list, the inspect page and the CSV/XLSX export all read an order
through :data:`ORDER_FACTS`, so the instructor sees the same words and the same
"$249.00" everywhere, never minor units, status codes or object reprs.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.money import money_format
from payments.models import Order, Refund, RefundStatus


def person_display(user) -> str:
    """ "Jane Doe (jane@example.com)", or the email alone when no name is known."""
    if user is None:
        return ""
    name = user.get_full_name().strip()
    return f"{name} ({user.email})" if name else user.email


def datetime_display(value: datetime.datetime | None) -> str:
    """A moment as people read it, in the site's time zone: "Dec. 1, 2026, 9 p.m."."""
    if value is None:
        return ""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def yes_no(value: bool) -> str:
    return gettext("Yes") if value else gettext("No")


@dataclass(frozen=True)
class OrderFact:
    """One thing the instructor may read about an order."""

    label: str | Promise
    #: The value for the export: text, except moments, left as datetimes so a
    #: spreadsheet can sort them.
    value: Callable[[Order], Any]

    def text(self, order: Order) -> str:
        """The value as text, for the inspect page."""
        value = self.value(order)
        if isinstance(value, datetime.datetime):
            return datetime_display(value)
        return "" if value is None else str(value)


def _money(attribute: str) -> Callable[[Order], str]:
    return lambda order: money_format(getattr(order, attribute), order.currency)


ORDER_FACTS: dict[str, OrderFact] = {
    "number": OrderFact(_("Order"), lambda o: o.number),
    "learner": OrderFact(_("Learner"), lambda o: person_display(o.user)),
    "learner_name": OrderFact(_("Learner"), lambda o: o.user.get_full_name()),
    "learner_email": OrderFact(_("Email"), lambda o: o.user.email),
    "course": OrderFact(_("Course"), lambda o: o.course.title),
    "price": OrderFact(_("Price"), _money("amount")),
    "discount": OrderFact(_("Discount"), _money("discount_amount")),
    "amount_paid": OrderFact(_("Amount paid"), _money("amount_paid")),
    "amount_refunded": OrderFact(_("Refunded"), _money("amount_refunded")),
    "status": OrderFact(_("Status"), lambda o: o.get_status_display()),
    "dispute": OrderFact(_("Dispute"), lambda o: o.get_dispute_status_display()),
    "refund_access": OrderFact(
        _("Access after a refund"), lambda o: o.get_refund_access_display()
    ),
    "is_test": OrderFact(_("Test payment?"), lambda o: yes_no(o.is_test)),
    "created_at": OrderFact(_("Ordered on"), lambda o: o.created_at),
    "paid_at": OrderFact(_("Paid on"), lambda o: o.paid_at),
    "payment_reference": OrderFact(
        _("Stripe payment reference"), lambda o: o.payment_intent_id
    ),
}


@dataclass(frozen=True)
class RefundLine:
    """A refund as the order's inspect page lists it."""

    created_at: str
    amount: str
    requested_by: str
    reason: str
    access: str
    status: str  # refunded, waiting for Stripe, or failed and why


def refund_lines(order: Order) -> list[RefundLine]:
    """The refunds made on ``order``, newest first, ready to read."""
    refunds = Refund.objects.filter(order=order).select_related("requested_by")
    return [
        RefundLine(
            created_at=datetime_display(refund.created_at),
            amount=money_format(refund.amount, order.currency),
            requested_by=person_display(refund.requested_by)
            or gettext("An account since deleted"),
            reason=refund.reason,
            access=(
                gettext("Access revoked")
                if refund.revoke_access
                else gettext("Learner kept access")
            ),
            status=_refund_status(refund),
        )
        for refund in refunds
    ]


def _refund_status(refund: Refund) -> str:
    if refund.status == RefundStatus.FAILED:
        return gettext("Failed: %(why)s") % {
            "why": refund.failure_reason or gettext("Stripe gave no reason")
        }
    return str(refund.get_status_display())
