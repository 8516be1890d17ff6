"""The admin home's warning panel: live courses citing a lapsed approval."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from wagtail.admin.ui.components import Component

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
