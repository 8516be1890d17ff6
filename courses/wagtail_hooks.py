"""Courses in the Wagtail admin: CE snippets, certificates, audit reports."""

from __future__ import annotations

from collections import OrderedDict

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
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from core.permission_policies import ReadOnlyPolicy
from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.admin_evaluations import EvaluationViewSet
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
    CourseEvaluation,
    CoursePage,
    Instructor,
)
from courses.record_display import (
    approvals_list,
    approvals_text,
    credit_lines,
    credit_lines_text,
    credit_type_labels,
    hours_of_credit_type,
    hours_text,
    local_datetime,
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


class CertificateIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing; its CSV/XLSX export is the auditor's record, one row each.

    Credit lines come twice: as one readable column ("General 17.00 h;
    Ethics 3.00 h") and as one number column per credit type, so an auditor
    can filter and sum the ethics hours a board asks about.
    """

    def to_row_dict(self, item):
        return OrderedDict(
            (field, certificate_export_value(item, field)) for field in self.list_export
        )


def certificate_export_value(certificate: Certificate, field: str):
    if field.startswith(CREDIT_TYPE_PREFIX):
        label = field.removeprefix(CREDIT_TYPE_PREFIX)
        return hours_of_credit_type(certificate.credits, label)
    replaces = certificate.replaces
    values = {
        "status": certificate.get_status_display,
        "replaces": lambda: replaces.serial if replaces else "",
        "learner_email": lambda: certificate.enrollment.user.email,
        "credits": lambda: credit_lines_text(certificate.credits),
        "approvals": lambda: approvals_text(certificate.approvals),
        "issued_at": lambda: local_datetime(certificate.issued_at),
        "revoked_at": lambda: local_datetime(certificate.revoked_at),
    }
    if field in values:
        return values[field]()
    return getattr(certificate, field)


CREDIT_TYPE_PREFIX = "credit_type:"


def _certificate_export_columns() -> tuple[list[str], dict[str, str]]:
    fields = [
        "serial",
        "status",
        "replaces",
        "learner_name",
        "learner_email",
        "license_type",
        "license_number",
        "license_state",
        "course_title",
        "completed_on",
        "ce_hours",
        "credits",
    ]
    headings = {
        "status": _("Status"),
        "learner_email": _("Learner email"),
        "replaces": _("Corrects certificate"),
        "credits": _("Credit lines"),
    }
    for label in credit_type_labels():
        field = f"{CREDIT_TYPE_PREFIX}{label}"
        fields.append(field)
        headings[field] = _("%(credit_type)s hours") % {"credit_type": label}
    fields += [
        "ce_format",
        "ce_level",
        "approvals",
        "provider_name",
        "instructor",
        "post_test_score",
        "issued_at",
        "revoked_at",
        "revoke_reason",
    ]
    return fields, headings


class CertificateInspectView(InspectView):
    """The certificate as a document: what it prints, and what became of it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        context["certificate"] = certificate
        context["credit_lines"] = [
            (label, hours_text(hours))
            for label, hours in credit_lines(certificate.credits)
        ]
        context["approval_list"] = approvals_list(certificate.approvals)
        context["replaced_by"] = Certificate.objects.filter(
            replaces=certificate
        ).first()
        return context

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
    index_view_class = CertificateIndexView
    inspect_view_enabled = True
    inspect_view_class = CertificateInspectView
    inspect_template_name = "courses/admin/certificate_inspect.html"
    list_display = [
        "serial",
        Column("learner_name", label=_("Learner")),
        Column("email", label=_("Email"), accessor="enrollment.user.email"),
        "course_title",
        "completed_on",
        "ce_hours",
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    filterset_class = CertificateFilterSet
    search_fields = ["serial", "learner_name", "enrollment__user__email"]
    list_export, export_headings = _certificate_export_columns()
    export_filename = "certificates"
    form_fields = ["status"]  # required by ModelViewSet; editing is refused anyway

    def get_queryset(self, request):
        return Certificate.objects.select_related("enrollment__user", "replaces")


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("ce_certificates")


# Evaluations -------------------------------------------------------------------

register_permission_policy(CourseEvaluation, ReadOnlyPolicy(CourseEvaluation))


@hooks.register("register_admin_viewset")
def register_evaluation_viewset():
    return EvaluationViewSet("ce_evaluations")


class EvaluationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_courseevaluation")


@hooks.register("register_reports_menu_item")
def register_evaluations_menu_item():
    return EvaluationsMenuItem(
        _("Evaluations"),
        reverse("ce_evaluations:index"),
        name="evaluations",
        icon_name="form",
        order=815,
    )


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
        from courses.bulk_enroll.views import InvitationViewSet
        from courses.learner_admin.viewsets import LearnerViewSet
        from courses.models import Invitation

        register_permission_policy(Invitation, ReadOnlyPolicy(Invitation))

        contributed = [
            viewset
            for fn in hooks.get_hooks("register_learner_viewsets")
            for viewset in fn()
        ]
        self.items = (
            LearnerViewSet("learners"),
            InvitationViewSet("courses_invitations"),
            *contributed,
        )
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
# courses/bulk_enroll/views.py (imported here lazily, so this section stands
# on its own).


@hooks.register("register_admin_urls")
def register_bulk_enroll_urls():
    from courses.bulk_enroll.views import bulk_enroll_apply_view, bulk_enroll_view

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
    from courses.bulk_enroll.views import bulk_enroll_menu_item

    return bulk_enroll_menu_item()


@hooks.register("register_log_actions")
def register_bulk_enroll_log_actions(actions):
    from courses.bulk_enroll.views import bulk_enroll_log_actions_register

    bulk_enroll_log_actions_register(actions)
