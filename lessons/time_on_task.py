"""Time on task for lessons: when a lesson was first opened, the heartbeats
that credit time while it is visible, and the minimum before "Mark complete".

The rule, as the course editor's help text states it:

- Opening a lesson (its page, signed in and enrolled) records when it was
  first opened, once (``lesson_opened``).
- Where JavaScript runs, the page sends a heartbeat about once a minute while
  it is visible and the learner is active (``static/js/time_on_task.js``).
  Each heartbeat credits the visible seconds it reports, but never more than
  the time since the previous heartbeat (or the first opening), nor more than
  ``HEARTBEAT_CAP_SECONDS``: an idle or hidden tab earns nothing, a tab left
  open for a day earns at most two minutes. At most one heartbeat a minute is
  written per learner (``lessons.time_heartbeat``).
- A lesson that never received a heartbeat (no JavaScript) is credited, when
  it is completed, the time from its first opening to the completion, at
  most its estimated minutes (``lesson_credited_seconds``).

The lesson minimum (a share of the estimated minutes, ``CoursePage.
lesson_time_percent``) is checked by ``lesson_complete``; the course minimum
by the completion rule (``courses.completion``), and a heartbeat that brings
the course's total over it completes the course at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.user_cache import user_cache_store, user_cached
from courses.models import CoursePage, LessonTime
from courses.services import course_completion_attempt
from courses.time_on_task import (
    course_time_cache_set,
    course_time_seconds,
    duration_display,
)
from lessons.models import LessonPage
from lessons.services import item_complete

HEARTBEAT_SECONDS = 60  # how often the page sends one (time_on_task.js)
HEARTBEAT_CAP_SECONDS = 120  # the most one heartbeat credits
THROTTLE_SECONDS = 60  # at most one heartbeat written a minute per learner
LESSON_TIME_CACHE_SECONDS = 24 * 60 * 60


def _opened_name(course_id: int) -> str:
    return f"lessons_opened:{course_id}"


def lessons_opened(*, user_id: int, course_id: int) -> dict[int, datetime]:
    """When ``user_id`` first opened each lesson of ``course_id`` they opened,
    by page id: from their cache (``accounts.user_cache``) once read."""
    return user_cached(
        user_id,
        _opened_name(course_id),
        lambda: dict(
            LessonTime.objects.filter(user_id=user_id, course_id=course_id).values_list(
                "page_id", "first_opened_at"
            )
        ),
    )


def lesson_opened(
    *, user: User, lesson: LessonPage, course: CoursePage, now: datetime | None = None
) -> datetime:
    """Record the first time ``user`` opened ``lesson``; return that time.

    Known from the learner's cache after the first time, so a repeated view
    runs no query. The first time writes the row (``get_or_create``: two
    tabs opening it at once write one) and adds it to the cached lessons
    without bumping the learner's generation, so nothing else of theirs is
    read again.
    """
    opened = lessons_opened(user_id=user.pk, course_id=course.pk)
    if lesson.pk in opened:
        return opened[lesson.pk]
    row, _created = LessonTime.objects.get_or_create(
        user=user,
        page_id=lesson.pk,
        defaults={"course": course, "first_opened_at": now or timezone.now()},
    )
    opened[lesson.pk] = row.first_opened_at
    user_cache_store(user.pk, _opened_name(course.pk), opened)
    return row.first_opened_at


def lesson_credited_seconds(
    *,
    first_opened_at: datetime,
    seconds: int,
    last_heartbeat_at: datetime | None,
    estimated_minutes: int,
    now: datetime,
) -> int:
    """The seconds a lesson counts at ``now``: its heartbeats' seconds once
    any arrived; without them (no JavaScript), the time since it was first
    opened, at most its estimated minutes (or what was credited before)."""
    if last_heartbeat_at is not None:
        return seconds
    elapsed = int((now - first_opened_at).total_seconds())
    return max(seconds, min(max(elapsed, 0), estimated_minutes * 60))


def heartbeat_cache_key(user_id: int, page_id: int) -> str:
    return f"lesson_time:{user_id}:{page_id}"


@dataclass(frozen=True)
class LessonClock:
    """What the lesson page says of the lesson minimum."""

    required_seconds: int
    credited_seconds: int

    @property
    def left_seconds(self) -> int:
        return max(self.required_seconds - self.credited_seconds, 0)

    @property
    def met(self) -> bool:
        return self.left_seconds == 0

    @property
    def required_display(self) -> str:
        return duration_display(self.required_seconds, round_up=True)

    @property
    def left_display(self) -> str:
        return duration_display(self.left_seconds, round_up=True)


def lesson_clock(
    *, user: User, lesson: LessonPage, course: CoursePage, now: datetime | None = None
) -> LessonClock | None:
    """The lesson minimum and the time credited so far, for the lesson page;
    None when the course asks for none. No query: the first opening comes
    from the learner's cache, the heartbeats' seconds from their own cache
    entry (kept by ``lesson_heartbeat``; without it, the no-JavaScript rule)."""
    required = course.lesson_time_required_seconds(lesson.estimated_minutes)
    if not required:
        return None
    now = now or timezone.now()
    first = lessons_opened(user_id=user.pk, course_id=course.pk).get(lesson.pk, now)
    seconds, last_heartbeat_at = cache.get(
        heartbeat_cache_key(user.pk, lesson.pk), (0, None)
    )
    credited = lesson_credited_seconds(
        first_opened_at=first,
        seconds=seconds,
        last_heartbeat_at=last_heartbeat_at,
        estimated_minutes=lesson.estimated_minutes,
        now=now,
    )
    return LessonClock(required_seconds=required, credited_seconds=credited)


class LessonTimeShort(Exception):
    """The lesson minimum (``required_seconds``) is not met yet;
    ``seconds_left`` says by how much."""

    def __init__(self, *, required_seconds: int, seconds_left: int):
        super().__init__(seconds_left)
        self.required_seconds = required_seconds
        self.seconds_left = seconds_left

    @property
    def required_display(self) -> str:
        return duration_display(self.required_seconds, round_up=True)

    @property
    def left_display(self) -> str:
        return duration_display(self.seconds_left, round_up=True)


def lesson_complete(
    *, user: User, lesson: LessonPage, course: CoursePage, now: datetime | None = None
) -> bool:
    """Mark ``lesson`` complete once the course's lesson minimum is met.

    A course that records no time on task (``measures_time_on_task``: no CE
    hours, no minimum) only completes it. Otherwise raises
    ``LessonTimeShort`` (nothing written) before the minimum is met. Credits the
    lesson's time (without heartbeats: since first opened, at most its
    estimated minutes), then completes it (``item_complete``, which may issue
    the certificate). Locks the learner's row for the lesson. True if the
    completion is new.
    """
    if not course.measures_time_on_task:  # nothing of the kind is recorded
        return item_complete(user=user, page=lesson, course=course)
    now = now or timezone.now()
    LessonTime.objects.get_or_create(
        user=user,
        page_id=lesson.pk,
        defaults={"course": course, "first_opened_at": now},
    )
    required = course.lesson_time_required_seconds(lesson.estimated_minutes)
    with transaction.atomic():
        row = LessonTime.objects.select_for_update().get(user=user, page_id=lesson.pk)
        credited = lesson_credited_seconds(
            first_opened_at=row.first_opened_at,
            seconds=row.seconds,
            last_heartbeat_at=row.last_heartbeat_at,
            estimated_minutes=lesson.estimated_minutes,
            now=now,
        )
        if credited < required:
            raise LessonTimeShort(
                required_seconds=required, seconds_left=required - credited
            )
        added = credited - row.seconds
        if added:
            LessonTime.objects.filter(pk=row.pk).update(seconds=credited)
    total = course_time_seconds(user_id=user.pk, course_id=course.pk)
    course_time_cache_set(user_id=user.pk, course_id=course.pk, seconds=total)
    created = item_complete(user=user, page=lesson, course=course)
    if not created and minimum_crossed(course, total=total, added=added):
        course_completion_attempt(user=user, course=course)
    return created


def minimum_crossed(course: CoursePage, *, total: int, added: int) -> bool:
    required = course.course_time_required_seconds()
    return bool(required and added and total - added < required <= total)
