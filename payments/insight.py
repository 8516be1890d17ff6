"""Reads for revenue: by course and month, the last 30 days, the last 12 months.

One meaning school-wide (COMMON11): revenue is ``Order.amount_paid`` of paid
orders (``paid_at`` set), counted in the month or window of ``paid_at``
(gross); refunded is ``amount_refunded`` of those same orders, counted with
the payment it gives back (an order has no refund date of its own); net =
gross − refunded. Test orders (``is_test``, the offline checkout) are left
out unless the site runs in test-payment mode (``offline_payments_enabled``),
where they are the only orders there are. Amounts stay in minor units and per
currency; people read them through ``core.money.money_format``.

Every function is one query, grouped in SQL, whatever the number of orders.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from payments.models import Order
from payments.selectors import offline_payments_enabled

WINDOW_DAYS = 30


def revenue_orders() -> QuerySet[Order]:
    """The orders revenue counts: paid, and real unless in test-payment mode."""
    orders = Order.objects.filter(paid_at__isnull=False)
    if not offline_payments_enabled():
        orders = orders.filter(is_test=False)
    return orders


def revenue_by_course_month(*, course_id: int | None = None, year: int | None = None):
    """Rows (dicts) ``month, course_id, course__title, currency, orders, gross,
    refunded``, newest month first, then course title."""
    orders = revenue_orders()
    if course_id:
        orders = orders.filter(course_id=course_id)
    if year:
        orders = orders.filter(paid_at__year=year)
    return (
        orders.annotate(month=TruncMonth("paid_at"))
        .values("month", "course_id", "course__title", "currency")
        .annotate(
            orders=Count("pk"),
            gross=Sum("amount_paid"),
            refunded=Sum("amount_refunded"),
        )
        .order_by("-month", "course__title", "currency")
    )


def revenue_totals(*, course_id: int | None = None, year: int | None = None):
    """The same sums over every month, one dict per currency."""
    orders = revenue_orders()
    if course_id:
        orders = orders.filter(course_id=course_id)
    if year:
        orders = orders.filter(paid_at__year=year)
    return list(
        orders.values("currency")
        .annotate(
            orders=Count("pk"),
            gross=Sum("amount_paid"),
            refunded=Sum("amount_refunded"),
        )
        .order_by("currency")
    )


def revenue_years() -> list[int]:
    """The years with revenue, newest first (the report's year filter)."""
    return sorted(
        {moment.year for moment in revenue_orders().datetimes("paid_at", "year")},
        reverse=True,
    )


@dataclass(frozen=True)
class Window:
    gross: int = 0
    refunded: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.refunded


@dataclass(frozen=True)
class RevenueComparison:
    currency: str
    last: Window  # the 30 days ending now
    before: Window  # the 30 days before those


def revenue_last_30_days(*, now: datetime.datetime | None = None):
    """Gross, refunded and net in the last 30 days and the 30 before, per currency."""
    now = now or timezone.now()
    start = now - datetime.timedelta(days=WINDOW_DAYS)
    earlier = start - datetime.timedelta(days=WINDOW_DAYS)
    last = Q(paid_at__gt=start, paid_at__lte=now)
    before = Q(paid_at__gt=earlier, paid_at__lte=start)
    rows = (
        revenue_orders()
        .filter(paid_at__gt=earlier, paid_at__lte=now)
        .values("currency")
        .annotate(
            gross_last=Sum("amount_paid", filter=last),
            refunded_last=Sum("amount_refunded", filter=last),
            gross_before=Sum("amount_paid", filter=before),
            refunded_before=Sum("amount_refunded", filter=before),
        )
        .order_by("currency")
    )
    return [
        RevenueComparison(
            currency=row["currency"],
            last=Window(row["gross_last"] or 0, row["refunded_last"] or 0),
            before=Window(row["gross_before"] or 0, row["refunded_before"] or 0),
        )
        for row in rows
    ]


def month_starts(*, now: datetime.datetime | None = None, months: int = 12):
    """The first day of each of the last ``months`` months, oldest first, local."""
    today = timezone.localdate(now or timezone.now())
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def revenue_per_month(*, now: datetime.datetime | None = None, months: int = 12):
    """``{(date(first of month), currency): Window}`` for the last ``months`` months."""
    first = month_starts(now=now, months=months)[0]
    since = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    rows = (
        revenue_orders()
        .filter(paid_at__gte=since)
        .annotate(month=TruncMonth("paid_at"))
        .values("month", "currency")
        .annotate(gross=Sum("amount_paid"), refunded=Sum("amount_refunded"))
        .order_by("month")
    )
    return {
        (_as_date(row["month"]), row["currency"]): Window(
            row["gross"] or 0, row["refunded"] or 0
        )
        for row in rows
    }


def _as_date(month) -> datetime.date:
    """``TruncMonth`` gives the local month's start; as a date."""
    if isinstance(month, datetime.datetime):
        return (
            timezone.localtime(month).date()
            if timezone.is_aware(month)
            else month.date()
        )
    return month
