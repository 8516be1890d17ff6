"""How many enrolled: in a window, and per week.

An enrollment counts when it is active (a revoked one never counts as a
learner of its course) and was created in the window.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from courses.insight.periods import Window, local_midnight, week_starts
from courses.models import Enrollment, EnrollmentStatus


def enrollments_active() -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(status=EnrollmentStatus.ACTIVE)


def enrollments_in_window(window: Window) -> QuerySet[Enrollment]:
    """Active enrollments created in ``window`` (start included, end excluded)."""
    return enrollments_active().filter(
        created_at__gte=window.start, created_at__lt=window.end
    )


def enrollments_count_in_window(window: Window) -> int:
    return enrollments_in_window(window).count()


def enrollments_per_week(
    *, weeks: int = 12, now: datetime.datetime | None = None
) -> list[tuple[datetime.date, int]]:
    """(Monday, active enrollments created that week) for the last ``weeks``
    weeks, oldest first, this week last; weeks without any count 0. One query."""
    mondays = week_starts(weeks, now=now)
    rows = (
        enrollments_active()
        .filter(created_at__gte=local_midnight(mondays[0]))
        .annotate(week=TruncWeek("created_at", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("week")
        .annotate(count=Count("pk"))
        .values_list("week", "count")
    )
    counts: dict[datetime.date, int] = {}
    for week, count in rows:
        day = week.date() if isinstance(week, datetime.datetime) else week
        counts[day] = counts.get(day, 0) + count
    return [(monday, counts.get(monday, 0)) for monday in mondays]
