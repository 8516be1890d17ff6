"""Reads for courses: the course page's context, the dashboard."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from wagtail.models import Page

from courses.access import CourseState, course_state
from courses.models import CoursePage, Enrollment, EnrollmentStatus


def course_page_context(*, course: CoursePage, user) -> dict:
    """What the course page (and its modules) show: outline, enrollment, next step."""
    state = course_state(user=user, course=course)
    continue_item = state.continue_item
    return {
        "course": course,
        "state": state,
        "outline": state.modules,
        "item_count": len(state.items),
        "enrollment": state.enrollment,
        "is_enrolled": state.is_enrolled,
        "first_item": continue_item.page if continue_item else None,
    }


def first_item_of(*, course: CoursePage) -> Page | None:
    """The first published lesson or quiz of ``course`` in tree order."""
    return (
        Page.objects.descendant_of(course)
        .filter(depth=course.depth + 2)
        .live()
        .order_by("path")
        .first()
    )


def learner_enrollments(*, user) -> QuerySet[Enrollment]:
    """The learner's active enrollments with their courses, newest first."""
    return (
        Enrollment.objects.filter(user=user, status=EnrollmentStatus.ACTIVE)
        .select_related("course", "course__image", "course__instructor")
        .order_by("-created_at")
    )


@dataclass
class DashboardCourse:
    enrollment: Enrollment
    state: CourseState


def learner_dashboard(*, user) -> list[DashboardCourse]:
    """Each active enrollment with its progress and where to continue."""
    return [
        DashboardCourse(
            enrollment=enrollment,
            state=course_state(user=user, course=enrollment.course),
        )
        for enrollment in learner_enrollments(user=user)
    ]
