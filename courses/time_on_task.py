"""Reads of time on task: a learner's time on a course, against its minimum.

The rows are ``courses.models.LessonTime`` (one per learner and lesson,
written by ``lessons.time_on_task``, which measures the time). Time on a
course is the sum of the seconds credited on its lessons.

The learner's total is shown on their course page, which runs no query once
warm: it is kept in a cache entry of its own (``course_time_cached``), set
again by every write that changes it (a heartbeat, a completion). It is not
kept under the learner's generation (``accounts.user_cache``), so a heartbeat
a minute does not throw away their other cached rows. Decisions (the
certificate) read the database (``course_time_seconds``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import LessonTime

COURSE_TIME_CACHE_SECONDS = 15 * 60


def course_time_seconds(*, user_id: int, course_id: int) -> int:
    """Seconds credited to ``user_id`` on the lessons of ``course_id`` (one query)."""
    total = LessonTime.objects.filter(user_id=user_id, course_id=course_id).aggregate(
        total=Sum("seconds")
    )["total"]
    return total or 0


def course_times_by_learner(*, course_id: int, user_ids=None) -> dict[int, int]:
    """Seconds on ``course_id`` by learner id, for ``user_ids`` or every learner
    who opened one of its lessons (one query; a learner missing spent none)."""
    rows = LessonTime.objects.filter(course_id=course_id)
    if user_ids is not None:
        rows = rows.filter(user_id__in=list(user_ids))
    rows = rows.values("user_id").annotate(total=Sum("seconds"))
    return {row["user_id"]: row["total"] or 0 for row in rows}


def enrollment_time_seconds():
    """An annotation for an ``Enrollment`` queryset: its learner's seconds on
    its course (0 if none), in the same query."""
    rows = (
        LessonTime.objects.filter(
            user=OuterRef("user_id"), course=OuterRef("course_id")
        )
        .values("user")
        .annotate(total=Sum("seconds"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def learner_course_times(*, user_id: int) -> dict[int, int]:
    """Seconds on each course ``user_id`` opened a lesson of, by course id."""
    rows = (
        LessonTime.objects.filter(user_id=user_id)
        .values("course_id")
        .annotate(total=Sum("seconds"))
    )
    return {row["course_id"]: row["total"] or 0 for row in rows}


def _cache_key(user_id: int, course_id: int) -> str:
    return f"course_time:{user_id}:{course_id}"


def course_time_cache_set(*, user_id: int, course_id: int, seconds: int) -> None:
    """Keep the learner's new total for their course page (after a write)."""
    cache.set(_cache_key(user_id, course_id), seconds, COURSE_TIME_CACHE_SECONDS)


def course_time_cached(*, user_id: int, course_id: int) -> int:
    """``course_time_seconds`` from its own cache entry; one query when absent."""
    key = _cache_key(user_id, course_id)
    seconds = cache.get(key)
    if seconds is None:
        seconds = course_time_seconds(user_id=user_id, course_id=course_id)
        cache.set(key, seconds, COURSE_TIME_CACHE_SECONDS)
    return seconds


@dataclass(frozen=True)
class CourseTime:
    """A learner's time on a course against the course's minimum."""

    spent_seconds: int
    required_seconds: int

    @property
    def met(self) -> bool:
        return self.spent_seconds >= self.required_seconds

    @property
    def spent_display(self) -> str:
        return duration_display(self.spent_seconds)

    @property
    def required_display(self) -> str:
        return duration_display(self.required_seconds)

    @property
    def left_display(self) -> str:
        left = max(self.required_seconds - self.spent_seconds, 0)
        return duration_display(left, round_up=True)


def learner_course_time(*, user, course) -> CourseTime | None:
    """The learner's time on ``course`` for showing, or None when the course
    asks for no minimum time (or nobody is signed in)."""
    required = course.course_time_required_seconds()
    if not required or not user.is_authenticated:
        return None
    spent = course_time_cached(user_id=user.pk, course_id=course.pk)
    return CourseTime(spent_seconds=spent, required_seconds=required)


def duration_display(seconds: int, *, round_up: bool = False) -> str:
    """Seconds as people read a duration: "1 h 35 min", "35 min", "0 min".

    Time spent is rounded down to the minute; time left (``round_up``) up, so
    it never shows as 0 while some is left.
    """
    seconds = max(seconds, 0)
    minutes = -(-seconds // 60) if round_up else seconds // 60
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": minutes}
    if hours:
        return ngettext("%(hours)s hour", "%(hours)s hours", hours) % {"hours": hours}
    return _("%(minutes)s min") % {"minutes": minutes}


def minutes_of(seconds: int | None) -> int | None:
    """Whole minutes (rounded down) for reports and exports; None stays None."""
    return None if seconds is None else seconds // 60
