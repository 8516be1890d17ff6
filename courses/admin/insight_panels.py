"""The admin home for whoever may see enrollments: how the school is doing.

Panels, in reading order (``order``; Wagtail's own panels start at 210):

- 10 "Your school this month": enrollments (last 30 days against the 30
  before), learners active this week, completion rate, learners stuck,
  evaluations owed, certificates issued this month — each linked to the rows
  behind it;
- 20 the CE approvals warning (``courses.admin.dashboard``), when any;
- 30 completion rate per course;
- 40 enrollments per week (12 weeks);
- 50… one completion funnel per live course.

Every figure comes from ``courses.insight``; the whole home runs a fixed
number of queries whatever the number of learners.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.admin.ui.components import Component

from core.charts import bar_chart
from core.dashboard import ChartPanel, Figure, FiguresPanel
from courses.insight.activity import (
    certificates_issued_this_month,
    learners_active_count,
)
from courses.insight.enrollments import (
    enrollments_count_in_window,
    enrollments_per_week,
)
from courses.insight.outline import school_outline
from courses.insight.periods import days_before, last_days, month_start
from courses.insight.progress import (
    CourseRate,
    ProgressState,
    completion_funnels,
    completion_rates,
    progress_state_counts,
)

WEEKS_NOTE = gettext_lazy(
    "New enrollments each week (Monday to Sunday), revoked ones left out."
)
FUNNEL_NOTE = gettext_lazy(
    "Of the learners enrolled now, the share who reached each module: they "
    "completed an item in it or in a later one."
)


def insight_panels(request) -> list[Component]:
    """The panels of the admin home for a user who may view enrollments."""
    now = timezone.now()
    outline = school_outline()
    rates = completion_rates(outline=outline)
    panels: list[Component] = [
        FiguresPanel(
            name="school_this_month",
            title=_("Your school this month"),
            figures=_figures(request.user, now, outline, rates),
            order=10,
        ),
        CompletionRatesPanel(rates),
        ChartPanel(
            name="enrollments_per_week",
            chart=_enrollments_chart(now),
            order=40,
            note=WEEKS_NOTE,
        ),
    ]
    funnels = completion_funnels(outline=outline)
    with_learners = {rate.course_id for rate in rates if rate.active}
    for index, course in enumerate(
        c
        for c in outline.courses.values()
        if c.id in funnels and c.modules and c.id in with_learners
    ):
        panels.append(
            ChartPanel(
                name=f"completion_funnel_{course.id}",
                chart=_funnel_chart(course.title, funnels[course.id]),
                order=50 + index,
                note=FUNNEL_NOTE,
            )
        )
    return panels


def _figures(user, now, outline, rates: list[CourseRate]) -> list[Figure]:
    recent_window = last_days(30, now=now)
    recent = enrollments_count_in_window(recent_window)
    before = enrollments_count_in_window(days_before(recent_window))
    states = progress_state_counts(outline=outline, now=now)
    active = sum(rate.active for rate in rates)
    completed = sum(rate.completed for rate in rates)
    progress_url = reverse("courses_report_progress")
    certificates = certificates_issued_this_month(now=now).count()
    return [
        Figure(
            label=_("Enrollments, last 30 days"),
            value=f"{recent:,}",
            detail=_trend(recent, before),
            url=reverse("courses_report_enrollments")
            + "?"
            + urlencode({"enrolled_from": timezone.localdate(recent_window.start)}),
        ),
        Figure(
            label=_("Learners active this week"),
            value=f"{learners_active_count(window=last_days(7, now=now)):,}",
            detail=_("completed an item, submitted a quiz or posted, last 7 days"),
        ),
        Figure(
            label=_("Completion rate"),
            value=f"{round(completed * 100 / active)}%" if active else "—",
            detail=(
                _("%(completed)s of %(active)s active learners completed")
                % {"completed": f"{completed:,}", "active": f"{active:,}"}
                if active
                else _("No active enrollments yet")
            ),
            url=progress_url + "?" + urlencode({"state": ProgressState.COMPLETED}),
        ),
        Figure(
            label=_("Learners stuck"),
            value=f"{states[ProgressState.STUCK]:,}",
            detail=_("no progress in 14 days, not finished"),
            url=progress_url + "?" + urlencode({"state": ProgressState.STUCK}),
        ),
        Figure(
            label=_("Evaluations owed"),
            value=f"{states[ProgressState.OWES_EVALUATION]:,}",
            detail=_("every required item done, no evaluation yet"),
            url=progress_url
            + "?"
            + urlencode({"state": ProgressState.OWES_EVALUATION}),
        ),
        Figure(
            label=_("Certificates issued this month"),
            value=f"{certificates:,}",
            detail=_("valid certificates issued since %(day)s")
            % {"day": dateformat.format(month_start(now=now), "j F")},
            url=(
                reverse("ce_certificates:index")
                if user.has_perm("courses.view_certificate")
                else ""
            ),
        ),
    ]


def _trend(recent: int, before: int) -> str:
    if recent > before:
        text = _("up from %(before)s in the 30 days before")
    elif recent < before:
        text = _("down from %(before)s in the 30 days before")
    else:
        text = _("same as the 30 days before (%(before)s)")
    return text % {"before": f"{before:,}"}


def _enrollments_chart(now):
    weeks = enrollments_per_week(weeks=12, now=now)
    return bar_chart(
        title=_("Enrollments per week"),
        points=[(dateformat.format(monday, "j M"), count) for monday, count in weeks],
        label_header=_("Week starting"),
        value_header=_("Enrollments"),
        summary=_(
            "Enrollments per week over the last 12 weeks: %(total)s in all, "
            "%(this_week)s so far this week."
        )
        % {
            "total": f"{sum(count for _monday, count in weeks):,}",
            "this_week": f"{weeks[-1][1]:,}",
        },
    )


def _funnel_chart(title: str, steps):
    active = steps[0].active if steps else 0
    summary = (
        ngettext(
            "Of %(active)s active learner, the share who reached each module: "
            "%(first)s reached the first, %(last)s the last.",
            "Of %(active)s active learners, the share who reached each module: "
            "%(first)s reached the first, %(last)s the last.",
            active,
        )
        % {
            "active": f"{active:,}",
            "first": _percent(steps[0].percent),
            "last": _percent(steps[-1].percent),
        }
        if active
        else _("No active learners in this course yet.")
    )
    return bar_chart(
        title=_("Completion funnel: %(course)s") % {"course": title},
        points=[(step.module_title, step.percent) for step in steps],
        label_header=_("Module"),
        value_header=_("Active learners who reached it"),
        value_text=_percent,
        summary=summary,
        horizontal=True,
        maximum=100,
    )


def _percent(value: float) -> str:
    return f"{value:.0f}%"


class CompletionRatesPanel(Component):
    """Per course: active learners, how many completed, the rate."""

    name = "completion_rates"
    template_name = "courses/admin/completion_rates_panel.html"
    order = 30

    def __init__(self, rates: list[CourseRate]):
        self.rates = rates

    def get_context_data(self, parent_context=None):
        return {"rates": self.rates}
