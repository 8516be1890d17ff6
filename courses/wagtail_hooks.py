"""Courses in the Wagtail admin: CE snippets, certificates, audit reports."""

from __future__ import annotations

from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from core.permission_policies import ReadOnlyPolicy
from courses.admin_views import (
    CERosterReportView,
    EvaluationSummaryReportView,
    certificate_reissue_view,
    certificate_revoke_view,
)
from courses.models import (
    Approval,
    Certificate,
    CertificateStatus,
    CoursePage,
    Instructor,
)

# Snippets ----------------------------------------------------------------------


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


register_snippet(InstructorViewSet)
register_snippet(ApprovalViewSet)


# Certificates ------------------------------------------------------------------

register_permission_policy(Certificate, ReadOnlyPolicy(Certificate))


class CertificateFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        field_name="enrollment__course",
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
    )
    completed_on = django_filters.DateFromToRangeFilter(
        label=_("Completed on"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = ["status", "course", "completed_on"]


class CertificateInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        certificate = self.object
        user = self.request.user
        if certificate.status == CertificateStatus.VALID and user.has_perm(
            "courses.change_certificate"
        ):
            buttons += [
                HeaderButton(
                    _("Revoke"),
                    url=reverse("courses_certificate_revoke", args=[certificate.pk]),
                    icon_name="cross",
                ),
                HeaderButton(
                    _("Issue corrected copy"),
                    url=reverse("courses_certificate_reissue", args=[certificate.pk]),
                    icon_name="copy",
                ),
            ]
        return buttons


class CertificateViewSet(ModelViewSet):
    """Every certificate issued, read-only; revoking and correcting are actions."""

    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    list_display = [
        "serial",
        Column("learner_name", label=_("Learner")),
        Column("email", label=_("Email"), accessor="enrollment.user.email"),
        "course_title",
        "completed_on",
        "ce_hours",
        "status",
    ]
    filterset_class = CertificateFilterSet
    search_fields = ["serial", "learner_name", "enrollment__user__email"]
    list_export = [
        "serial",
        "learner_name",
        "enrollment.user.email",
        "license_type",
        "license_number",
        "license_state",
        "course_title",
        "completed_on",
        "ce_hours",
        "credits",
        "post_test_score",
        "status",
        "replaces",
        "revoke_reason",
        "revoked_at",
        "issued_at",
    ]
    export_headings = {
        "enrollment.user.email": _("Email"),
        "replaces": _("Corrects certificate"),
    }
    export_filename = "certificates"
    inspect_view_fields = [
        "serial",
        "status",
        "replaces",
        "learner_name",
        "license_type",
        "license_number",
        "license_state",
        "course_title",
        "completed_on",
        "ce_hours",
        "credits",
        "ce_format",
        "ce_level",
        "approvals",
        "provider_name",
        "instructor",
        "post_test_score",
        "revoke_reason",
        "revoked_at",
        "issued_at",
    ]
    form_fields = ["status"]  # required by ModelViewSet; editing is refused anyway

    def get_queryset(self, request):
        return Certificate.objects.select_related("enrollment__user", "replaces")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("ce_certificates")


# Reports -----------------------------------------------------------------------


class CERecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_certificate")


@hooks.register("register_reports_menu_item")
def register_ce_roster_menu_item():
    return CERecordsMenuItem(
        _("CE roster"),
        reverse("courses_ce_roster"),
        name="ce-roster",
        icon_name="list-ul",
        order=800,
    )


@hooks.register("register_reports_menu_item")
def register_evaluation_summary_menu_item():
    return CERecordsMenuItem(
        _("Evaluation summary"),
        reverse("courses_evaluation_summary"),
        name="evaluation-summary",
        icon_name="tasks",
        order=810,
    )


@hooks.register("register_admin_urls")
def register_ce_admin_urls():
    return [
        path(
            "reports/ce-roster/",
            CERosterReportView.as_view(),
            name="courses_ce_roster",
        ),
        path(
            "reports/ce-roster/results/",
            CERosterReportView.as_view(results_only=True),
            name="courses_ce_roster_results",
        ),
        path(
            "reports/evaluation-summary/",
            EvaluationSummaryReportView.as_view(),
            name="courses_evaluation_summary",
        ),
        path(
            "reports/evaluation-summary/results/",
            EvaluationSummaryReportView.as_view(results_only=True),
            name="courses_evaluation_summary_results",
        ),
        path(
            "courses/certificates/<int:pk>/revoke/",
            certificate_revoke_view,
            name="courses_certificate_revoke",
        ),
        path(
            "courses/certificates/<int:pk>/reissue/",
            certificate_reissue_view,
            name="courses_certificate_reissue",
        ),
    ]


# Dashboard ---------------------------------------------------------------------


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
    order = 50

    def get_context_data(self, parent_context):
        approvals = list(
            approvals_outside_period_on_live_courses().prefetch_related("courses")
        )
        for approval in approvals:
            approval.live_courses = [c for c in approval.courses.all() if c.live]
        return {"approvals": approvals}


@hooks.register("construct_homepage_panels")
def add_approvals_outside_period_panel(request, panels):
    if request.user.has_perm("courses.change_approval"):
        panels.append(ApprovalsOutsidePeriodPanel())


# Learners ----------------------------------------------------------------------
# The Learners menu: the list of learners first, then what other apps add to it
# through the ``register_learner_viewsets`` hook (lessons: quiz attempts). Each
# learner's page is made of panels from ``register_learner_panels``.


class LearnersViewSetGroup(ViewSetGroup):
    menu_label = _("Learners")
    menu_icon = "group"
    menu_order = 250

    def __init__(self):
        from courses.learner_admin.viewsets import LearnerViewSet

        contributed = [
            viewset
            for fn in hooks.get_hooks("register_learner_viewsets")
            for viewset in fn()
        ]
        self.items = (LearnerViewSet("learners"), *contributed)
        super().__init__()


@hooks.register("register_admin_viewset")
def register_learners_viewset_group():
    return LearnersViewSetGroup()


@hooks.register("register_learner_panels")
def register_courses_learner_panels(request, learner):
    from courses.learner_admin.panels import courses_learner_panels

    return courses_learner_panels(request, learner)


@hooks.register("register_log_actions")
def register_learner_log_actions(actions):
    from courses.learner_admin.audit import learner_log_actions_register

    learner_log_actions_register(actions)


@hooks.register("register_permissions")
def register_enrollment_permissions():
    """Offer the Learners permissions in Settings → Groups: view (the list and a
    learner's page), add (enroll by hand), change (revoke, restore, drip)."""
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="courses",
        codename__in=["view_enrollment", "add_enrollment", "change_enrollment"],
    )


# Bulk enroll -------------------------------------------------------------------
# Upload a CSV of emails, see the dry run, confirm; unknown addresses get an
# invitation. The views, menu item, viewset and log formatters live in
# courses/bulk_enroll_views.py (imported here lazily, so this section stands
# on its own).


@hooks.register("register_admin_urls")
def register_bulk_enroll_urls():
    from courses.bulk_enroll_views import bulk_enroll_apply_view, bulk_enroll_view

    return [
        path("courses/bulk-enroll/", bulk_enroll_view, name="courses_bulk_enroll"),
        path(
            "courses/bulk-enroll/apply/",
            bulk_enroll_apply_view,
            name="courses_bulk_enroll_apply",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_bulk_enroll_menu_item():
    from courses.bulk_enroll_views import bulk_enroll_menu_item

    return bulk_enroll_menu_item()


@hooks.register("register_admin_viewset")
def register_invitation_viewset():
    from courses.bulk_enroll_views import InvitationViewSet
    from courses.models import Invitation

    register_permission_policy(Invitation, ReadOnlyPolicy(Invitation))
    return InvitationViewSet("courses_invitations")


@hooks.register("register_log_actions")
def register_bulk_enroll_log_actions(actions):
    from courses.bulk_enroll_views import bulk_enroll_log_actions_register

    bulk_enroll_log_actions_register(actions)
