"""Reads for courses: outlines, the course page's context, the dashboard."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from wagtail.models import Page

from courses.models import CoursePage, Enrollment, EnrollmentStatus, ModulePage


@dataclass
class OutlineModule:
    page: ModulePage
    items: list[Page] = field(default_factory=list)


def course_outline(*, course: CoursePage) -> list[OutlineModule]:
    """The published modules of ``course`` with their published items, in tree order.

    A fixed number of queries whatever the size of the course: one for the
    pages and one per page type for their specific fields.
    """
    pages = (
        Page.objects.descendant_of(course)
        .filter(depth__lte=course.depth + 2)
        .live()
        .order_by("path")
        .specific()
    )
    modules: list[OutlineModule] = []
    for page in pages:
        if page.depth == course.depth + 1:
            modules.append(OutlineModule(page=page))
        elif modules and page.path.startswith(modules[-1].page.path):
            modules[-1].items.append(page)
    return modules


def enrollment_for(*, user, course: CoursePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course=course).first()


def course_page_context(*, course: CoursePage, user) -> dict:
    """What the course page (and its modules) show: outline, enrollment, next step."""
    outline = course_outline(course=course)
    enrollment = enrollment_for(user=user, course=course)
    items = [item for module in outline for item in module.items]
    return {
        "course": course,
        "outline": outline,
        "item_count": len(items),
        "enrollment": enrollment,
        "is_enrolled": bool(enrollment and enrollment.is_active),
        "first_item": items[0] if items else None,
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
