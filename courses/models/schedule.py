"""Release schedules (drip) shared by modules, lessons and quizzes."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class ReleaseSchedule(models.Model):
    """Fields that hold a page back until N days after enrolling, or a date."""

    release_after_days = models.PositiveSmallIntegerField(
        _("open after (days)"),
        null=True,
        blank=True,
        help_text=_("Opens this many days after the learner enrolled. Empty: at once."),
    )
    release_on = models.DateField(
        _("open on"),
        null=True,
        blank=True,
        help_text=_("Opens on this date for everyone. Empty: no fixed date."),
    )

    release_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("release_after_days"), FieldPanel("release_on")]
                )
            ],
            heading=_("Release schedule"),
            help_text=_("If both are set, the later of the two applies."),
        )
    ]

    class Meta:
        abstract = True

    def opens_on(self, enrolled_on: date | None) -> date | None:
        """The date this page opens for a learner who enrolled on ``enrolled_on``."""
        return release_date(self.release_on, self.release_after_days, enrolled_on)


def release_date(
    release_on: date | None, release_after_days: int | None, enrolled_on: date | None
) -> date | None:
    """The later of a fixed date and N days after enrolling; None: open at once."""
    dates = [release_on] if release_on else []
    if release_after_days and enrolled_on is not None:
        dates.append(enrolled_on + timedelta(days=release_after_days))
    return max(dates) if dates else None
