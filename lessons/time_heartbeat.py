"""The lesson page's heartbeat: time credited while the page is visible.

The rule is ``lessons.time_on_task``'s (its docstring): each heartbeat
credits the visible seconds it reports, at most the time since the previous
one (or the first opening) and ``HEARTBEAT_CAP_SECONDS``; at most one a minute
is written per learner. A heartbeat that brings the course's total over its
minimum completes the course at once (the certificate).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from courses.access import course_state
from courses.models import CoursePage, EnrollmentStatus, LessonTime
from courses.selectors import course_items_complete
from courses.services import course_completion_attempt
from courses.time_on_task import course_time_cache_set, course_time_seconds
from lessons.time_on_task import (
    HEARTBEAT_CAP_SECONDS,
    LESSON_TIME_CACHE_SECONDS,
    THROTTLE_SECONDS,
    heartbeat_cache_key,
    minimum_crossed,
)


def _time_met_and_owed(course: CoursePage, *, total: int, completed_at) -> bool:
    """The time is met and the course is not completed: a crossing may have
    been missed (a completion and a heartbeat committed at the same instant,
    each reading before the other's write), so a later heartbeat tries again
    once every item is done (``_items_done``, from the learner's cache)."""
    required = course.course_time_required_seconds()
    return bool(required and completed_at is None and total >= required)


def _items_done(user: User, course: CoursePage) -> bool:
    return course_items_complete(course_state(user=user, course=course))


class Beat(enum.StrEnum):
    CREDITED = "credited"
    THROTTLED = "throttled"  # another heartbeat of this learner's, under a minute ago
    REFUSED = "refused"  # no lesson of an active enrollment that they opened


@dataclass(frozen=True)
class HeartbeatResult:
    beat: Beat
    credited: int = 0
    lesson_seconds: int = 0


def lesson_heartbeat(
    *, user: User, page_id: int, visible_seconds: int, now: datetime | None = None
) -> HeartbeatResult:
    """Credit ``user``'s time on the lesson ``page_id`` from a heartbeat.

    Only a lesson they opened (its row exists, written by ``lesson_opened``
    behind the access policy) of a course they hold an active enrollment in.
    Credits ``visible_seconds``, at most the time since the previous
    heartbeat (or the first opening) and ``HEARTBEAT_CAP_SECONDS``. At most
    one a minute per learner is written (``cache.add`` of a per-learner key):
    a throttled one writes nothing and the page sends its seconds again. A
    few queries: the row with its course (locked), its update, and, when the
    course has a minimum, the course's total; when this heartbeat brings the
    total over the minimum, the course is completed (certificate) after.
    """
    now = now or timezone.now()
    if not cache.add(f"lesson_time:{user.pk}:beat", True, THROTTLE_SECONDS):
        return HeartbeatResult(Beat.THROTTLED)
    with transaction.atomic():
        row = (
            LessonTime.objects.select_for_update(of=("self",))
            .select_related("course")
            .filter(
                user=user,
                page_id=page_id,
                course__enrollments__user=user,
                course__enrollments__status=EnrollmentStatus.ACTIVE,
            )
            .annotate(completed_at=F("course__enrollments__completed_at"))
            .first()
        )
        if row is None:
            return HeartbeatResult(Beat.REFUSED)
        since = row.last_heartbeat_at or row.first_opened_at
        interval = int((now - since).total_seconds())
        credit = max(min(visible_seconds, interval, HEARTBEAT_CAP_SECONDS), 0)
        LessonTime.objects.filter(pk=row.pk).update(
            seconds=F("seconds") + credit, last_heartbeat_at=now
        )
        seconds = row.seconds + credit
        course = row.course
        due = False
        if course.course_time_required_seconds():
            total = course_time_seconds(user_id=user.pk, course_id=course.pk)
            course_time_cache_set(user_id=user.pk, course_id=course.pk, seconds=total)
            due = minimum_crossed(course, total=total, added=credit) or (
                _time_met_and_owed(course, total=total, completed_at=row.completed_at)
            )
    cache.set(
        heartbeat_cache_key(user.pk, page_id), (seconds, now), LESSON_TIME_CACHE_SECONDS
    )
    if due and (row.completed_at is None) and _items_done(user, course):
        course_completion_attempt(user=user, course=course)
    return HeartbeatResult(Beat.CREDITED, credited=credit, lesson_seconds=seconds)
