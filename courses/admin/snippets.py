"""CE snippets in the admin: instructors and approvals, their columns."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import (
    Approval,
    Instructor,
)


class ApprovalPeriodColumn(Column):
    def get_value(self, instance):
        return f"{instance.period_start:%Y-%m-%d} – {instance.period_end:%Y-%m-%d}"


class ApprovalCurrentColumn(Column):
    def get_value(self, instance):
        if instance.is_current():
            return _("Current")
        return _("⚠ Outside its period")


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    icon = "user"
    list_display = ["name", "credentials", "updated_at"]
    search_fields = ["name"]


class ApprovalViewSet(SnippetViewSet):
    model = Approval
    icon = "success"
    list_display = [
        "body_name",
        "provider_number",
        ApprovalPeriodColumn("period", label=_("Approval period")),
        ApprovalCurrentColumn("current", label=_("Current?")),
    ]
    list_filter = ["body_name"]
    search_fields = ["body_name"]
