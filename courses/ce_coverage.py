"""Reads: which CE approvals cover a course, and what the instructor must know.

The rule: a completion earns CE hours only under an approval that covers the
course's delivery format and whose period includes the completion date. The
certificate service applies it at issue; the course editor and the admin home
warn the instructor before it bites (an approval ending within
``EXPIRY_WARNING_DAYS``, a course with CE hours and no valid approval).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import Approval, CourseFormat, CoursePage

EXPIRY_WARNING_DAYS = 60


def approvals_covering(*, course: CoursePage, on: date) -> list[Approval]:
    """The course's approvals that cover its format on ``on`` (in memory: a few)."""
    return [
        approval
        for approval in course.approvals.all()
        if approval.covers(ce_format=course.ce_format, on=on)
    ]


def _day(value: date) -> str:
    return date_format(value, "F j, Y")


def _format_label(course: CoursePage) -> str:
    return str(dict(CourseFormat.choices).get(course.ce_format, course.ce_format))


@dataclass
class CoverageWarning:
    """One sentence for the instructor, and the approval it is about (if any)."""

    text: str
    approval: Approval | None = None


def course_ce_warnings(
    *, course: CoursePage, today: date | None = None
) -> list[CoverageWarning]:
    """What threatens the CE hours of ``course``, in sentences, worst first.

    Nothing for a course without CE hours. Reads the approvals as the given
    instance holds them (the editor passes the page being edited).
    """
    if not course.offers_ce:
        return []
    today = today or timezone.localdate()
    approvals = list(course.approvals.all())
    covering = [a for a in approvals if a.covers(ce_format=course.ce_format, on=today)]
    warnings = []
    if not covering:
        warnings.append(
            CoverageWarning(
                _(
                    "This course claims %(hours)s CE hours, but no approval covering "
                    "its format (%(format)s) is valid today. Learners who complete "
                    "it now get a certificate of completion that awards no CE "
                    "hours. Add or renew an approval under Snippets → CE approvals "
                    "and tick it below."
                )
                % {
                    "hours": floatformat(course.ce_hours, -2),
                    "format": _format_label(course),
                }
            )
        )
    horizon = today + timedelta(days=EXPIRY_WARNING_DAYS)
    for approval in covering:
        if approval.period_end > horizon:
            continue
        successor = any(
            other.covers(
                ce_format=course.ce_format, on=approval.period_end + timedelta(days=1)
            )
            for other in approvals
        )
        days = (approval.period_end - today).days
        ends = ngettext(
            "The approval %(approval)s ends on %(date)s, in %(days)s day.",
            "The approval %(approval)s ends on %(date)s, in %(days)s days.",
            days,
        ) % {"approval": approval, "date": _day(approval.period_end), "days": days}
        then = (
            _("Another approval covers the course after that.")
            if successor
            else _(
                "After that, learners who complete the course get no CE hours "
                "unless you renew it (update its period) or add a new approval."
            )
        )
        warnings.append(CoverageWarning(f"{ends} {then}", approval))
    for approval in approvals:
        if course.ce_format not in (approval.formats or []):
            warnings.append(
                CoverageWarning(
                    _(
                        "The approval %(approval)s does not cover this course's "
                        "format (%(format)s): it awards no hours here."
                    )
                    % {"approval": approval, "format": _format_label(course)},
                    approval,
                )
            )
    return warnings


def approvals_ending_soon_on_live_courses(
    *, today: date | None = None
) -> QuerySet[Approval]:
    """Current approvals cited by a live course that end within the warning window."""
    today = today or timezone.localdate()
    return (
        Approval.objects.filter(
            courses__live=True,
            period_start__lte=today,
            period_end__gte=today,
            period_end__lte=today + timedelta(days=EXPIRY_WARNING_DAYS),
        )
        .distinct()
        .order_by("period_end")
    )


def live_ce_courses_without_valid_approval(
    *, today: date | None = None
) -> list[CoursePage]:
    """Live courses with CE hours that no approval covers today (they award none)."""
    today = today or timezone.localdate()
    courses = (
        CoursePage.objects.live()
        .filter(ce_hours__gt=0)
        .prefetch_related("approvals")
        .order_by("title")
    )
    return [c for c in courses if not approvals_covering(course=c, on=today)]
