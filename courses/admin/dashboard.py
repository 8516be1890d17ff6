"""The admin home's CE warning panels: lapsed approvals, and CE hours at risk."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from wagtail.admin.ui.components import Component

from courses.ce_coverage import (
    EXPIRY_WARNING_DAYS,
    approvals_ending_soon_on_live_courses,
    live_ce_courses_without_valid_approval,
)
from courses.models import (
    Approval,
)


def approvals_outside_period_on_live_courses():
    """Approvals attached to a live course whose period does not cover today."""
    today = timezone.localdate()
    return (
        Approval.objects.filter(courses__live=True)
        .filter(Q(period_start__gt=today) | Q(period_end__lt=today))
        .distinct()
        .order_by("period_end")
    )


class ApprovalsOutsidePeriodPanel(Component):
    """A warning on the admin home page: live courses cite a lapsed approval."""

    name = "approvals_outside_period"
    template_name = "courses/admin/approvals_outside_period_panel.html"
    order = 20  # a warning: right under the school's figures (insight_panels)

    def get_context_data(self, parent_context):
        approvals = list(
            approvals_outside_period_on_live_courses().prefetch_related("courses")
        )
        for approval in approvals:
            approval.live_courses = [c for c in approval.courses.all() if c.live]
        return {"approvals": approvals}


class CECreditAtRiskPanel(Component):
    """A warning on the admin home page before learners lose CE hours.

    Approvals cited by live courses that end within
    ``ce_coverage.EXPIRY_WARNING_DAYS``, and live courses with CE hours that
    no approval covers today (their certificates award no hours).
    """

    name = "ce_credit_at_risk"
    template_name = "courses/admin/ce_credit_at_risk_panel.html"
    order = 21  # right under the lapsed approvals

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        ending = list(
            approvals_ending_soon_on_live_courses(today=today).prefetch_related(
                "courses"
            )
        )
        for approval in ending:
            approval.live_courses = [c for c in approval.courses.all() if c.live]
            approval.days_left = (approval.period_end - today).days
        return {
            "ending": ending,
            "uncovered": live_ce_courses_without_valid_approval(today=today),
            "window": EXPIRY_WARNING_DAYS,
        }
