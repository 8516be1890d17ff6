"""Reads for courses: the course page's context, the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from wagtail.models import Page

from courses.access import CourseState, course_state
from courses.models import (
    Certificate,
    CertificateStatus,
    CoursePage,
    Enrollment,
    EnrollmentStatus,
)


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


@dataclass
class Transcript:
    """A learner's CE record: valid certificates and hours by credit type and year."""

    certificates: list[Certificate]
    total_hours: Decimal
    by_type: list[tuple[str, Decimal]]
    by_year: list[tuple[int, Decimal, list[tuple[str, Decimal]]]]


def _add(totals: dict[str, Decimal], label: str, hours: Decimal) -> None:
    totals[label] = totals.get(label, Decimal("0")) + hours


def learner_transcript(*, user) -> Transcript:
    """Every valid certificate of ``user`` (corrected copies, not what they replace)."""
    certificates = list(
        Certificate.objects.filter(
            enrollment__user=user, status=CertificateStatus.VALID
        ).order_by("-completed_on", "-issued_at")
    )
    by_type: dict[str, Decimal] = {}
    years: dict[int, dict[str, Decimal]] = {}
    for certificate in certificates:
        for label, hours in certificate.credits:
            _add(by_type, label, Decimal(hours))
            _add(
                years.setdefault(certificate.completed_on.year, {}),
                label,
                Decimal(hours),
            )
    return Transcript(
        certificates=certificates,
        total_hours=sum((c.ce_hours for c in certificates), Decimal("0")),
        by_type=sorted(by_type.items()),
        by_year=[
            (year, sum(totals.values(), Decimal("0")), sorted(totals.items()))
            for year, totals in sorted(years.items(), reverse=True)
        ],
    )


TRANSCRIPT_COLUMNS = [
    "serial",
    "course",
    "completed_on",
    "ce_hours",
    "credits",
    "format",
    "approvals",
    "status",
    "corrected_copy",
]


def transcript_csv_rows(*, user) -> list[list[str]]:
    """The transcript as CSV rows, header first."""
    rows = [TRANSCRIPT_COLUMNS]
    for certificate in learner_transcript(user=user).certificates:
        rows.append(
            [
                certificate.serial,
                certificate.course_title,
                certificate.completed_on.isoformat(),
                str(certificate.ce_hours),
                "; ".join(f"{label}: {hours}" for label, hours in certificate.credits),
                certificate.ce_format,
                "; ".join(
                    f"{a['body']} ({a['provider_number']})"
                    for a in certificate.approvals
                ),
                certificate.get_status_display(),
                "yes" if certificate.is_corrected_copy else "no",
            ]
        )
    return rows


def certificate_valid_for(*, user, course: CoursePage) -> Certificate | None:
    """The learner's valid CE certificate for ``course``, if there is one."""
    return (
        Certificate.objects.filter(
            enrollment__user=user,
            enrollment__course=course,
            status=CertificateStatus.VALID,
        )
        .order_by("-pk")
        .first()
    )
