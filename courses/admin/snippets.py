"""CE snippets in the admin: instructors and approvals, their columns."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.admin.editor_panels import ApprovalStatementsPanel
from courses.ce_coverage import EXPIRY_WARNING_DAYS
from courses.models import (
    Approval,
    Instructor,
)


class ApprovalPeriodColumn(Column):
    def get_value(self, instance):
        return f"{instance.period_start:%Y-%m-%d} – {instance.period_end:%Y-%m-%d}"


class ApprovalFormatsColumn(Column):
    def get_value(self, instance):
        return instance.formats_display()


class ApprovalCurrentColumn(Column):
    def get_value(self, instance):
        if not instance.is_current():
            return _("⚠ Outside its period")
        days = (instance.period_end - timezone.localdate()).days
        if days <= EXPIRY_WARNING_DAYS:
            return ngettext(
                "⚠ Current, ends in %(days)s day",
                "⚠ Current, ends in %(days)s days",
                days,
            ) % {"days": days}
        return _("Current")


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
        "kind",
        "provider_number",
        ApprovalPeriodColumn("period", label=_("Approval period")),
        ApprovalFormatsColumn("formats", label=_("Formats covered")),
        ApprovalCurrentColumn("current", label=_("Current?")),
    ]
    list_filter = ["kind", "body_name"]
    search_fields = ["body_name"]
    panels = [
        FieldPanel("body_name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("provider_number")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("formats"),
        FieldPanel("requires_license_number"),
        MultiFieldPanel(
            [FieldPanel("statement"), ApprovalStatementsPanel()],
            heading=_("Approval statement"),
        ),
    ]
