"""Where each learner stands: progress, stuck, owes an evaluation, completed.

Definitions (school-wide):

- progress of an enrollment: its learner's completions in the course on
  *required* items (``outline``) over the number of required items;
- completed: the enrollment's ``completed_at`` is set (certificate issued);
- owes an evaluation: active, every required item complete, no
  ``CourseEvaluation`` for the enrollment (and so not completed);
- stuck: active, not completed, and the latest completion of that learner in
  that course (or the enrollment's ``created_at`` if none) is more than
  14 days old.

A learner has one state, the first that holds in the order completed, owes
an evaluation, stuck, in progress: a learner who has done every item and
only owes the evaluation is counted there, not as stuck (the one thing left
for her is the evaluation), so the two figures never count one person twice
and each matches the progress report filtered to it.

Only active enrollments are read: a revoked one never counts as a learner.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.insight.enrollments import enrollments_active
from courses.insight.outline import SchoolOutline, school_outline
from courses.models import CourseEvaluation, Enrollment, ItemCompletion

STUCK_AFTER = datetime.timedelta(days=14)


class ProgressState(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    OWES_EVALUATION = "owes_evaluation", _("Owes the evaluation")
    STUCK = "stuck", _("Stuck")
    IN_PROGRESS = "in_progress", _("In progress")


def _completions(outline_ids: list[int]):
    return ItemCompletion.objects.filter(
        user=OuterRef("user_id"), course=OuterRef("course_id"), page_id__in=outline_ids
    ).order_by()


def enrollments_with_progress(
    *, outline: SchoolOutline | None = None, now: datetime.datetime | None = None
) -> QuerySet[Enrollment]:
    """Active enrollments annotated in SQL with ``required_done``,
    ``required_total``, ``last_activity`` (latest completion in the course,
    else the enrollment's creation), ``evaluated`` and ``state``
    (a :class:`ProgressState` value). Filter and count it freely: one query."""
    outline = outline or school_outline()
    now = now or timezone.now()
    done = (
        _completions(outline.required_ids)
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    latest = (
        ItemCompletion.objects.filter(
            user=OuterRef("user_id"), course=OuterRef("course_id")
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    totals = [
        When(course_id=pk, then=Value(total))
        for pk, total in outline.required_totals().items()
        if total
    ]
    return (
        enrollments_active()
        .annotate(
            required_done=Coalesce(
                Subquery(done, output_field=IntegerField()), Value(0)
            ),
            required_total=Case(*totals, default=Value(0), output_field=IntegerField()),
            last_activity=Coalesce(
                Subquery(latest, output_field=DateTimeField()), F("created_at")
            ),
            evaluated=Exists(
                CourseEvaluation.objects.filter(enrollment=OuterRef("pk"))
            ),
        )
        .annotate(
            state=Case(
                When(completed_at__isnull=False, then=Value(ProgressState.COMPLETED)),
                When(
                    Q(required_done__gte=F("required_total"), evaluated=False),
                    then=Value(ProgressState.OWES_EVALUATION),
                ),
                When(
                    last_activity__lt=now - STUCK_AFTER,
                    then=Value(ProgressState.STUCK),
                ),
                default=Value(ProgressState.IN_PROGRESS),
                output_field=models.CharField(),
            )
        )
    )


def enrollments_stuck(**kwargs) -> QuerySet[Enrollment]:
    return enrollments_with_progress(**kwargs).filter(state=ProgressState.STUCK)


def enrollments_owing_evaluation(**kwargs) -> QuerySet[Enrollment]:
    return enrollments_with_progress(**kwargs).filter(
        state=ProgressState.OWES_EVALUATION
    )


def progress_state_counts(**kwargs) -> dict[str, int]:
    """How many active enrollments are in each state, in one query."""
    rows = (
        enrollments_with_progress(**kwargs)
        .order_by()
        .values("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    counts = dict(rows)
    return {state: counts.get(state, 0) for state in ProgressState.values}


@dataclass(frozen=True)
class CourseRate:
    course_id: int
    title: str
    live: bool
    active: int
    completed: int

    @property
    def percent(self) -> int | None:
        return round(self.completed * 100 / self.active) if self.active else None


def completion_rates(*, outline: SchoolOutline | None = None) -> list[CourseRate]:
    """Per course: active enrollments, how many of them completed, by title.

    Completion rate = completed active enrollments / active enrollments.
    Courses without any active enrollment are left out. One query (and the
    outline's, for titles, if not given)."""
    outline = outline or school_outline()
    rows = (
        enrollments_active()
        .order_by()
        .values("course_id")
        .annotate(
            active=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
        )
    )
    by_course = {row["course_id"]: row for row in rows}
    return [
        CourseRate(
            course_id=course.id,
            title=course.title,
            live=course.live,
            active=by_course[course.id]["active"],
            completed=by_course[course.id]["completed"],
        )
        for course in outline.courses.values()
        if course.id in by_course
    ]


@dataclass(frozen=True)
class FunnelStep:
    module_title: str
    reached: int
    active: int

    @property
    def percent(self) -> float:
        return self.reached * 100 / self.active if self.active else 0.0


def completion_funnels(
    *, outline: SchoolOutline | None = None, live_only: bool = True
) -> dict[int, list[FunnelStep]]:
    """Per course, per module in tree order: the share of active enrollments
    whose learner *reached* the module — completed any item (required or
    optional) of that module or of a later one. "Reached" rather than
    "completed an item in it": a learner who skipped a module's optional
    reading but went on still passed through it, so the funnel only narrows.

    One query: each active enrollment's furthest completed item (the
    largest tree path, which orders pages as the tree does), grouped by course
    and furthest path. It returns at most one row per item of the school,
    however many learners; the modules' counts are summed from those rows.
    """
    outline = outline or school_outline()
    courses = [c for c in outline.courses.values() if c.live or not live_only]
    if not courses:
        return {}
    # MAX over the learner's few completions in the course (found by the
    # (user, course) index); an ORDER BY path LIMIT 1 led PostgreSQL to walk
    # the page tree's path index for every enrollment instead.
    furthest = (
        _completions(outline.item_ids)
        .values("course")
        .annotate(furthest=Max("page__path"))
        .values("furthest")
    )
    rows = (
        enrollments_active()
        .filter(course_id__in=[course.id for course in courses])
        .annotate(furthest=Subquery(furthest, output_field=models.CharField()))
        .values("course_id", "furthest")
        .annotate(n=Count("pk"))
        .order_by()
    )
    active: dict[int, int] = {}
    reached_at: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        active[row["course_id"]] = active.get(row["course_id"], 0) + row["n"]
        if row["furthest"]:
            reached_at.setdefault(row["course_id"], []).append(
                (row["furthest"], row["n"])
            )
    return {
        course.id: [
            FunnelStep(
                module_title=module.title,
                reached=sum(
                    n
                    for path, n in reached_at.get(course.id, [])
                    if path >= module.path
                ),
                active=active.get(course.id, 0),
            )
            for module in course.modules
        ]
        for course in courses
    }
