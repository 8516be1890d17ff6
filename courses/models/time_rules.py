"""Time on task: the minimum time a course asks of its learners.

Two shares the instructor sets on the course (``TimeOnTaskRules``): of its CE
hours, before the certificate; of each lesson's estimated minutes, before
"Mark complete". How the time is measured is ``lessons.time_on_task``'s.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

TIME_RULE_HELP = _(
    "Time counts while a lesson is open and visible in the learner's browser, "
    "at most two minutes at a time. Where the browser runs no JavaScript, a "
    "lesson counts the time from first opening it to marking it complete, up "
    "to its estimated minutes. Quizzes are not timed."
)


class TimeOnTaskRules(models.Model):
    """The course's minimum times, as shares; empty or 0: no minimum."""

    course_time_percent = models.PositiveSmallIntegerField(
        _("minimum time on the course (% of CE hours)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "The certificate waits until the learner has spent this share of the "
            "CE hours in the lessons: e.g. 80 on a 20-hour course asks for 16 "
            "hours. Empty or 0: no minimum."
        ),
    )
    lesson_time_percent = models.PositiveSmallIntegerField(
        _("minimum time per lesson (% of its estimated minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_(
            '"Mark complete" works once the learner has spent this share of the '
            "lesson's estimated minutes on it: e.g. 50 on a 30-minute lesson asks "
            "for 15 minutes. Empty or 0: no minimum."
        ),
    )

    time_panels = [
        FieldRowPanel(
            [FieldPanel("course_time_percent"), FieldPanel("lesson_time_percent")],
            help_text=TIME_RULE_HELP,
        )
    ]

    class Meta:
        abstract = True

    @property
    def measures_time_on_task(self) -> bool:
        """Whether learners' time on its lessons is recorded: a CE course
        (time on task is a CE record, shown on the board roster) or one with a
        minimum. A course without either records nothing of the kind."""
        return bool(
            self.ce_hours or self.course_time_percent or self.lesson_time_percent
        )

    def course_time_required_seconds(self) -> int:
        """Seconds on the course before its certificate; 0: no minimum."""
        if not (self.course_time_percent and self.ce_hours):
            return 0
        return int(self.ce_hours * 36 * self.course_time_percent)

    def lesson_time_required_seconds(self, estimated_minutes: int) -> int:
        """Seconds on a lesson of ``estimated_minutes`` before it may be completed."""
        if not self.lesson_time_percent:
            return 0
        return estimated_minutes * 60 * self.lesson_time_percent // 100
