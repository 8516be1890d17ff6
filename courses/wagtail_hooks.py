"""Courses in the Wagtail admin: CE snippets, certificates, audit reports."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.admin_reports import PermissionMenuItem, report_urls
from core.permission_policies import ReadOnlyPolicy
from courses.admin.ce_roster import CERosterReportView, board_roster_view
from courses.admin.certificate_actions import (
    certificate_reissue_view,
    certificate_revoke_view,
)
from courses.admin.certificates import CertificateViewSet
from courses.admin.dashboard import ApprovalsOutsidePeriodPanel, CECreditAtRiskPanel
from courses.admin.evaluation_summary import EvaluationSummaryReportView
from courses.admin.evaluations import EvaluationViewSet
from courses.admin.learner_requests import AnswerOnlyPolicy, LearnerRequestViewSet
from courses.admin.snippets import ApprovalViewSet, InstructorViewSet
from courses.models import Certificate, CourseEvaluation, LearnerRequest

# Reports menu ------------------------------------------------------------------

# (label, URL name, permission that shows it, menu name, icon, order)
REPORT_MENU_ITEMS = [
    (_("Enrollments"), "courses_report_enrollments",
        "courses.view_enrollment", "enrollments", "group", 780),
    (_("Learner progress"), "courses_report_progress",
        "courses.view_enrollment", "learner-progress", "tasks", 790),
    (_("CE roster"), "courses_ce_roster",
        "courses.view_certificate", "ce-roster", "list-ul", 800),
    (_("Board roster"), "courses_board_roster",
        "courses.view_certificate", "board-roster", "list-ul", 805),
    (_("Evaluation summary"), "courses_evaluation_summary",
        "courses.view_certificate", "evaluation-summary", "tasks", 810),
    (_("Evaluations"), "ce_evaluations:index",
        "courses.view_courseevaluation", "evaluations", "form", 815),
]  # fmt: skip


def _report_menu_item(label, url_name, permission, name, icon, order):
    def menu_item():
        return PermissionMenuItem(
            label,
            reverse(url_name),
            permission=permission,
            name=name,
            icon_name=icon,
            order=order,
        )

    return menu_item


for _row in REPORT_MENU_ITEMS:
    hooks.register("register_reports_menu_item", _report_menu_item(*_row))


# Snippets ----------------------------------------------------------------------

register_snippet(InstructorViewSet)
register_snippet(ApprovalViewSet)

# Certificates ------------------------------------------------------------------

register_permission_policy(Certificate, ReadOnlyPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("ce_certificates")


# Evaluations -------------------------------------------------------------------

register_permission_policy(CourseEvaluation, ReadOnlyPolicy(CourseEvaluation))


@hooks.register("register_admin_viewset")
def register_evaluation_viewset():
    return EvaluationViewSet("ce_evaluations")


# Learner requests (accommodations and grievances) --------------------------------


register_permission_policy(LearnerRequest, AnswerOnlyPolicy(LearnerRequest))


@hooks.register("register_admin_viewset")
def register_learner_request_viewset():
    return LearnerRequestViewSet("learner_requests")


# Reports -----------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_ce_admin_urls():
    return [
        *report_urls("ce-roster", CERosterReportView, "courses_ce_roster"),
        path("reports/board-roster/", board_roster_view, name="courses_board_roster"),
        *report_urls(
            "evaluation-summary",
            EvaluationSummaryReportView,
            "courses_evaluation_summary",
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


# Admin home and reports (courses.insight) ------------------------------------
# Whoever may view enrollments sees how the school is doing, in place of
# Wagtail's page count; the panels and their order: courses/admin/insight_panels.py.


@hooks.register("construct_homepage_panels")
def add_insight_panels(request, panels):
    if request.user.has_perm("courses.view_enrollment"):
        from courses.admin.insight_panels import insight_panels

        panels.extend(insight_panels(request))


@hooks.register("construct_homepage_panels")
def add_approvals_outside_period_panel(request, panels):
    if request.user.has_perm("courses.change_approval"):
        panels.append(ApprovalsOutsidePeriodPanel())
        panels.append(CECreditAtRiskPanel())


@hooks.register("construct_homepage_summary_items", order=100)
def remove_site_summary(request, summary_items):
    """Wagtail's "67 Pages" says nothing about the school: drop it for those
    who get the school's figures instead (runs after Wagtail adds its items)."""
    if request.user.has_perm("courses.view_enrollment"):
        summary_items.clear()


@hooks.register("register_admin_urls")
def register_insight_report_urls():
    from courses.admin.insight_reports import (
        EnrollmentsReportView,
        ProgressReportView,
    )

    return [
        *report_urls(
            "enrollments", EnrollmentsReportView, "courses_report_enrollments"
        ),
        *report_urls("learner-progress", ProgressReportView, "courses_report_progress"),
    ]


# Learners ----------------------------------------------------------------------
# The Learners menu: the list of learners first, then what other apps add to it
# through the ``register_learner_viewsets`` hook (lessons: quiz attempts). Each
# learner's page is made of panels from ``register_learner_panels``.


class LearnersViewSetGroup(ViewSetGroup):
    menu_label = _("Learners")
    menu_icon = "group"
    menu_order = 250

    def __init__(self):
        from courses.bulk_enroll.invitations_admin import InvitationViewSet
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
    from courses.bulk_enroll.invitations_admin import bulk_enroll_menu_item

    return bulk_enroll_menu_item()


@hooks.register("register_log_actions")
def register_bulk_enroll_log_actions(actions):
    from courses.bulk_enroll.audit import bulk_enroll_log_actions_register

    bulk_enroll_log_actions_register(actions)


# Announcements -----------------------------------------------------------------
# The instructor writes to the active learners of a course (or of every course):
# compose, preview with the recipient count, send in background batches. The
# viewset, its views and log formatter live in courses/announcements/.


@hooks.register("register_admin_viewset")
def register_announcement_viewset():
    from courses.announcements.viewsets import AnnouncementViewSet

    return AnnouncementViewSet("announcements")


@hooks.register("register_log_actions")
def register_announcement_log_actions(actions):
    from courses.announcements.viewsets import announcement_log_actions_register

    announcement_log_actions_register(actions)
