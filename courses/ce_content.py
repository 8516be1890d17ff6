"""Reads: how much learning time the course's lessons add up to, against its CE hours.

Approval bodies expect the hours claimed to be supported by the content
(NBCC reviews a home-study course as a learner would, with the hours'
rationale). The course editor sets the sum of the lessons' estimated minutes
beside the CE hours claimed and warns when the claim is larger. Lessons are
counted whether live or draft, optional or required: the instructor is
writing the course, and the estimate is hers to compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CoursePage
from courses.models.items import CourseItem


@dataclass(frozen=True)
class ContentTime:
    """The lessons' estimated minutes beside the CE hours the course claims."""

    minutes: int
    lessons: int
    ce_hours: Decimal | None
    # The course's minimum time on task, in minutes (0: none).
    required_minutes: int = 0

    @property
    def minimum_out_of_reach(self) -> bool:
        """Whether the minimum time asks for more than the lessons' estimates:
        a lesson completed without JavaScript counts at most its estimate."""
        return self.required_minutes > self.minutes

    @property
    def exceeds(self) -> bool:
        """Whether the CE hours claimed are more than the lessons' time supports."""
        return bool(self.ce_hours) and self.ce_hours * 60 > self.minutes

    def minutes_text(self) -> str:
        """``3 h 20 min (200 minutes in 5 lessons)``."""
        hours, rest = divmod(self.minutes, 60)
        if hours and rest:
            length = _("%(hours)s h %(minutes)s min") % {
                "hours": hours,
                "minutes": rest,
            }
        elif hours:
            length = _("%(hours)s h") % {"hours": hours}
        else:
            length = _("%(minutes)s min") % {"minutes": rest}
        count = ngettext(
            "%(minutes)s minutes in %(lessons)s lesson",
            "%(minutes)s minutes in %(lessons)s lessons",
            self.lessons,
        ) % {"minutes": self.minutes, "lessons": self.lessons}
        return f"{length} ({count})"

    def hours_text(self) -> str:
        if not self.ce_hours:
            return _("none")
        return floatformat(self.ce_hours, -2)

    def warning(self) -> str:
        """The sentence the editor shows when the claim exceeds the content."""
        if not self.exceeds:
            return ""
        return _(
            "The course claims %(hours)s CE hours (%(claimed)s minutes), but its "
            "lessons' estimated times add up to %(minutes)s minutes. Approval "
            "bodies expect the hours to be supported by the content: add or "
            "lengthen lessons, correct their estimated minutes (each lesson's "
            "Settings tab), or lower the CE hours."
        ) % {
            "hours": floatformat(self.ce_hours, -2),
            "claimed": floatformat(self.ce_hours * 60, -2),
            "minutes": self.minutes,
        }


def course_content_time(*, course: CoursePage) -> ContentTime:
    """The sum of the estimated minutes of every lesson in ``course`` (one
    query per kind of item that counts: lessons).

    Live and draft lessons alike; quizzes carry no estimate and are not
    counted (``CourseItem.counts_toward_content_time``). ``ce_hours`` is read
    from the instance given (the editor passes the page as edited).
    """
    minutes = lessons = 0
    for kind in CourseItem.kinds():
        if kind.counts_toward_content_time:
            totals = kind.objects.descendant_of(course).aggregate(
                minutes=Sum("estimated_minutes"), lessons=Count("pk")
            )
            minutes += totals["minutes"] or 0
            lessons += totals["lessons"]
    return ContentTime(
        minutes=minutes,
        lessons=lessons,
        ce_hours=course.ce_hours,
        required_minutes=-(-course.course_time_required_seconds() // 60),
    )
