"""Bulk enroll in the Wagtail admin: upload, dry run, confirm; and the invitations.

Thin views over ``courses.bulk_enroll``: the upload plans the file and shows
the dry run; the confirmation carries the signed file, plans it again and
applies it only if every row is still right. Both need
``courses.add_enrollment``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter

import django_filters

from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.bulk_enroll import (
    ACTION_BULK_ENROLL,
    ACTION_INVITATION_ACCEPT,
    ACTION_INVITE,
    MAX_ROWS,
    Plan,
    Result,
    bulk_enroll_apply,
    bulk_enroll_plan,
    plan_lines,
)
from courses.bulk_enroll.forms import (
    BulkEnrollApplyForm,
    BulkEnrollForm,
    bulk_enroll_token,
)
from courses.models import CoursePage, Invitation

PERMISSION = "courses.add_enrollment"
EXAMPLE_CSV = """email,course,first_name,last_name
maria.gomez@example.com,mitigation-101,Maria,Gómez
dwayne.ortiz@example.com,,Dwayne,Ortiz
lee.park@example.com,Foundations of Mitigation Practice,,
"""


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def bulk_enroll_view(request):
    """The upload form (GET) and the dry run of what was uploaded (POST)."""
    _require_permission(request)
    form = BulkEnrollForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        plan = bulk_enroll_plan(
            rows_text=form.cleaned_data["rows_text"],
            default_course=form.cleaned_data["default_course"],
        )
        return _dry_run(request, plan)
    return TemplateResponse(
        request,
        "courses/admin/bulk_enroll.html",
        {
            "form": form,
            "example_csv": EXAMPLE_CSV,
            "max_rows": f"{MAX_ROWS:,}",
        },
    )


@require_POST
def bulk_enroll_apply_view(request):
    """Apply a dry run the staff member confirmed, if every row is still right."""
    _require_permission(request)
    form = BulkEnrollApplyForm(request.POST, user=request.user)
    if not form.is_valid():
        for error in form.errors.get("token", [_("Upload the file again.")]):
            messages.error(request, error)
        return redirect("courses_bulk_enroll")
    payload = form.cleaned_data["token"]
    plan = bulk_enroll_plan(
        rows_text=payload["rows"], default_course=payload["default_course"]
    )
    if not plan.is_valid:
        messages.error(
            request,
            _(
                "Nothing was applied: since the dry run, some rows stopped being "
                "right. Here is what the file would do now."
            ),
        )
        return _dry_run(request, plan, status=409)
    result = bulk_enroll_apply(plan=plan, invited_by=request.user)
    messages.success(request, result_message(result))
    return redirect("courses_bulk_enroll")


def _dry_run(request, plan: Plan, *, status: int = 200):
    can_apply = plan.is_valid and bool(plan.changing_rows)
    token = (
        bulk_enroll_token(
            rows_text=plan.rows_text,
            default_course_id=plan.default_course.pk if plan.default_course else None,
            user_id=request.user.pk,
        )
        if can_apply
        else ""
    )
    upload_form = BulkEnrollForm(
        initial={"default_course": plan.default_course, "rows_text": plan.rows_text}
    )
    return TemplateResponse(
        request,
        "courses/admin/bulk_enroll_preview.html",
        {
            "plan": plan,
            "lines": list(plan_lines(plan)),
            "summary": plan_summary(plan),
            "can_apply": can_apply,
            "apply_form": BulkEnrollApplyForm(
                initial={"token": token}, user=request.user
            ),
            "apply_label": apply_label(plan),
            "form": upload_form,
            "example_csv": EXAMPLE_CSV,
            "max_rows": f"{MAX_ROWS:,}",
        },
        status=status,
    )


# Sentences -----------------------------------------------------------------------


def plan_summary(plan: Plan) -> str:
    """“12 rows: 7 will be enrolled, 3 invited, 2 need nothing.”"""
    if plan.file_problem:
        return ""
    total = len(plan.rows) + len(plan.problems)
    parts = [
        ngettext("%(count)s will be enrolled", "%(count)s will be enrolled", n)
        % {"count": n}
        for n in [plan.to_enroll]
        if n
    ]
    parts += [
        ngettext("%(count)s invited", "%(count)s invited", n) % {"count": n}
        for n in [plan.to_invite]
        if n
    ]
    parts += [
        ngettext("%(count)s needs nothing", "%(count)s need nothing", n) % {"count": n}
        for n in [plan.unchanged]
        if n
    ]
    parts += [
        ngettext("%(count)s has a problem", "%(count)s have a problem", n)
        % {"count": n}
        for n in [len(plan.problems)]
        if n
    ]
    head = ngettext("%(count)s row", "%(count)s rows", total) % {"count": total}
    return _("%(head)s: %(parts)s.") % {"head": head, "parts": ", ".join(parts)}


def apply_label(plan: Plan) -> str:
    """The confirm button: “Enroll 7 learners and invite 3”."""
    enroll, invite = plan.to_enroll, plan.to_invite
    enroll_text = ngettext(
        "Enroll %(count)s learner", "Enroll %(count)s learners", enroll
    ) % {"count": enroll}
    if not invite:
        return enroll_text
    if not enroll:
        return ngettext(
            "Invite %(count)s person", "Invite %(count)s people", invite
        ) % {"count": invite}
    return _("%(enroll)s and invite %(count)s") % {
        "enroll": enroll_text,
        "count": invite,
    }


def result_message(result: Result) -> str:
    """“Enrolled 7 learners and invited 3. 2 rows needed nothing.”"""
    enrolled = result.enrolled + result.reactivated
    sentences = []
    if enrolled and result.invited:
        sentences.append(
            _("%(enrolled)s and invited %(invited)s.")
            % {
                "enrolled": ngettext(
                    "Enrolled %(count)s learner",
                    "Enrolled %(count)s learners",
                    enrolled,
                )
                % {"count": enrolled},
                "invited": result.invited,
            }
        )
    elif enrolled:
        sentences.append(
            ngettext(
                "Enrolled %(count)s learner.", "Enrolled %(count)s learners.", enrolled
            )
            % {"count": enrolled}
        )
    elif result.invited:
        sentences.append(
            ngettext(
                "Invited %(count)s person.", "Invited %(count)s people.", result.invited
            )
            % {"count": result.invited}
        )
    if result.reactivated:
        sentences.append(
            ngettext(
                "%(count)s of them had a revoked enrollment, now active again.",
                "%(count)s of them had revoked enrollments, now active again.",
                result.reactivated,
            )
            % {"count": result.reactivated}
        )
    if result.invited:
        sentences.append(
            _(
                "Each invited person gets an email and is enrolled once they "
                "create their account and confirm their address."
            )
        )
    if result.unchanged:
        sentences.append(
            ngettext(
                "%(count)s row needed nothing.",
                "%(count)s rows needed nothing.",
                result.unchanged,
            )
            % {"count": result.unchanged}
        )
    if not sentences:
        return _("Nothing needed doing.")
    return " ".join(sentences)


# Admin menu, invitations list, audit log -----------------------------------------


class BulkEnrollMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def bulk_enroll_menu_item() -> MenuItem:
    return BulkEnrollMenuItem(
        gettext_lazy("Bulk enroll"),
        reverse("courses_bulk_enroll"),
        name="bulk-enroll",
        icon_name="group",
        order=255,
    )


class WhenColumn(Column):
    """A date and time as people write it, or a sentence when there is none."""

    def __init__(self, name, *, empty, **kwargs):
        super().__init__(name, **kwargs)
        self.empty = empty

    def get_value(self, instance):
        return _when(getattr(instance, self.name), self.empty)


class InviterColumn(Column):
    def get_value(self, instance):
        inviter = instance.invited_by
        if inviter is None:
            return ""
        return inviter.get_full_name() or inviter.email


def _when(value, empty: str) -> str:
    return formats.date_format(value, "DATETIME_FORMAT") if value else empty


class InvitationInspectView(InspectView):
    """One invitation, in sentences where a field is empty."""

    def get_invited_by_display_value(self):
        inviter = self.object.invited_by
        return (inviter.get_full_name() or inviter.email) if inviter else ""

    def get_created_at_display_value(self):
        return _when(self.object.created_at, "")

    def get_sent_at_display_value(self):
        return _when(self.object.sent_at, _("Not sent yet"))

    def get_accepted_at_display_value(self):
        return _when(
            self.object.accepted_at,
            _("Not yet: waiting for them to sign up and confirm their address"),
        )


class InvitationFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=gettext_lazy("All courses"),
    )
    accepted = django_filters.BooleanFilter(
        label=gettext_lazy("Accepted"),
        field_name="accepted_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = Invitation
        fields = ["course", "accepted"]


class InvitationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The invitations list; any export it gains is neutralised like the rest."""


class InvitationViewSet(ModelViewSet):
    """Invitations made by bulk enrollment: read-only, for following up."""

    model = Invitation
    icon = "mail"
    menu_label = gettext_lazy("Invitations")  # under the Learners menu
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "email",
        Column("course", label=gettext_lazy("Course"), accessor="course.title"),
        InviterColumn("invited_by", label=gettext_lazy("Invited by")),
        WhenColumn("created_at", label=gettext_lazy("Invited"), empty=""),
        WhenColumn(
            "sent_at", label=gettext_lazy("Email sent"), empty=gettext_lazy("Not yet")
        ),
        WhenColumn(
            "accepted_at",
            label=gettext_lazy("Accepted"),
            empty=gettext_lazy("Waiting for sign-up"),
        ),
    ]
    filterset_class = InvitationFilterSet
    inspect_view_class = InvitationInspectView
    index_view_class = InvitationIndexView
    search_fields = ["email", "first_name", "last_name"]
    inspect_view_fields = [
        "email",
        "first_name",
        "last_name",
        "course",
        "invited_by",
        "created_at",
        "sent_at",
        "accepted_at",
    ]
    form_fields = ["email"]  # required by ModelViewSet; editing is refused anyway

    def get_queryset(self, request):
        return Invitation.objects.select_related("course", "invited_by")


def _course(log_entry) -> str:
    return (log_entry.data or {}).get("course_title", "")


class BulkEnrollLogFormatter(LogFormatter):
    label = gettext_lazy("Enroll from a bulk file")

    def format_message(self, log_entry):
        if (log_entry.data or {}).get("reactivated"):
            return _(
                "Enrollment in “%(course)s” made active again from a bulk file"
            ) % {"course": _course(log_entry)}
        return _("Enrolled in “%(course)s” from a bulk file") % {
            "course": _course(log_entry)
        }


class InviteLogFormatter(LogFormatter):
    label = gettext_lazy("Invite from a bulk file")

    def format_message(self, log_entry):
        return _("Invited to “%(course)s” from a bulk file") % {
            "course": _course(log_entry)
        }


class InvitationAcceptLogFormatter(LogFormatter):
    label = gettext_lazy("Accept an invitation")

    def format_message(self, log_entry):
        return _("Enrolled in “%(course)s” by accepting an invitation") % {
            "course": _course(log_entry)
        }


def bulk_enroll_log_actions_register(actions) -> None:
    """Readable messages for the audit log entries bulk enrollment writes."""
    actions.register_action(ACTION_BULK_ENROLL)(BulkEnrollLogFormatter)
    actions.register_action(ACTION_INVITE)(InviteLogFormatter)
    actions.register_action(ACTION_INVITATION_ACCEPT)(InvitationAcceptLogFormatter)
