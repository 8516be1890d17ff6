"""The windows every figure counts in, in the site's time zone.

"Last 30 days" is the 30 days ending now; "the 30 before" the 30 days before
that. "This week" for activity is the last 7 days. Weeks start on Monday;
"this month" starts at midnight on the first of the month.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Window:
    start: datetime.datetime
    end: datetime.datetime


def last_days(days: int, *, now: datetime.datetime | None = None) -> Window:
    """The ``days`` days ending ``now``."""
    now = now or timezone.now()
    return Window(start=now - datetime.timedelta(days=days), end=now)


def days_before(window: Window) -> Window:
    """The window of the same length that ends where ``window`` starts."""
    return Window(start=window.start - (window.end - window.start), end=window.start)


def month_start(*, now: datetime.datetime | None = None) -> datetime.datetime:
    local = timezone.localtime(now or timezone.now())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def week_starts(weeks: int, *, now: datetime.datetime | None = None) -> list:
    """The Mondays (dates) of the last ``weeks`` weeks, this week last."""
    today = timezone.localtime(now or timezone.now()).date()
    monday = today - datetime.timedelta(days=today.weekday())
    return [monday - datetime.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.min),
        timezone.get_current_timezone(),
    )
