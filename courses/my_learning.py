"""Reads for "My learning" (the dashboard): each active enrollment with its
progress and what to do next, from the learner's cache."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from accounts.user_cache import user_cached
from core.page_generation import page_generation
from courses.access import CourseState, course_states_for_enrollments
from courses.models import Enrollment, EnrollmentStatus
from courses.selectors import NextStep, course_next_step


def learner_enrollments(*, user) -> QuerySet[Enrollment]:
    """The learner's active enrollments with their courses and certificates, newest
    first (the certificates of all of them in one query)."""
    return (
        Enrollment.objects.filter(user=user, status=EnrollmentStatus.ACTIVE)
        .select_related("course", "course__image", "course__instructor")
        .prefetch_related("certificates")
        .order_by("-created_at")
    )


@dataclass(frozen=True)
class CourseProgress:
    """A course state's progress without its items: what "My learning" shows."""

    progress_done: int
    progress_total: int
    progress_percent: int
    course_url: str

    @classmethod
    def of(cls, state: CourseState) -> CourseProgress:
        return cls(
            state.progress_done,
            state.progress_total,
            state.progress_percent,
            state.course_url,
        )


@dataclass
class DashboardCourse:
    enrollment: Enrollment
    progress: CourseProgress
    next_step: NextStep


def learner_dashboard(*, user) -> list[DashboardCourse]:
    """Each active enrollment with its progress and what to do next.

    Kept in the learner's cache (``accounts.user_cache``) for the current page
    generation and day (release dates come with the date): a change to one of
    their rows, or to any page, computes it again. Only the progress is kept,
    not every item's state, so a course of 200 items costs what one of 15 does.
    """
    return user_cached(
        user.pk,
        f"dashboard:{page_generation()}:{timezone.localdate().isoformat()}",
        lambda: _dashboard_build(user),
    )


def _dashboard_build(user) -> list[DashboardCourse]:
    enrollments = list(learner_enrollments(user=user))
    states = course_states_for_enrollments(user=user, enrollments=enrollments)
    entries = []
    for enrollment in enrollments:
        state = states[enrollment.course_id]
        entries.append(
            DashboardCourse(
                enrollment=enrollment,
                progress=CourseProgress.of(state),
                next_step=course_next_step(
                    state=state, certificates=enrollment.certificates.all()
                ),
            )
        )
    return entries
