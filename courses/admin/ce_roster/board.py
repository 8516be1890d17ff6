"""The board roster: one course, one period, one row per CE certificate in force.

The instructor picks a course and the completion dates (``BoardRosterForm``);
the roster downloads as CSV or XLSX through Wagtail's spreadsheet export with
``core.spreadsheets``' formula and XML safety (``BoardRosterExport``). Each
row is read from the certificate's snapshot: what the board was shown.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets import AdminDateInput

from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.models import CECredit, Certificate, CertificateStatus, CoursePage
from courses.record_display import (
    approvals_list,
    credit_type_labels,
    hours_of_credit_type,
)
from courses.time_on_task import course_times_by_learner, minutes_of

TIME_ON_TASK_HEADING = gettext_lazy("Time on task (minutes)")
_CREDIT_TYPE = "credit_type:"


class BoardRosterForm(forms.Form):
    """Which course, and which completion dates (both days included)."""

    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=gettext_lazy("Choose a course"),
        error_messages={"required": gettext_lazy("Choose the course to export.")},
    )
    completed_from = forms.DateField(
        label=gettext_lazy("Completed from"),
        widget=AdminDateInput,
        help_text=gettext_lazy("The first completion date to include."),
        error_messages={
            "required": gettext_lazy("Enter the first day of the period."),
            "invalid": gettext_lazy("Enter the first day as a date, e.g. 2026-01-01."),
        },
    )
    completed_to = forms.DateField(
        label=gettext_lazy("Completed to"),
        widget=AdminDateInput,
        help_text=gettext_lazy(
            "The last completion date to include, e.g. the end of the approval "
            "period or of the period the board audits."
        ),
        error_messages={
            "required": gettext_lazy("Enter the last day of the period."),
            "invalid": gettext_lazy("Enter the last day as a date, e.g. 2026-12-31."),
        },
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("completed_from"), cleaned.get("completed_to")
        if start and end and end < start:
            self.add_error(
                "completed_to",
                _("The period ends before it starts: check the two dates."),
            )
        return cleaned


def board_roster_certificates(
    *, course: CoursePage, start: datetime.date, end: datetime.date
):
    """The certificates in force that award CE hours for ``course``, completed
    from ``start`` to ``end`` inclusive: originals not replaced, and corrected
    copies. Revoked, replaced and no-credit certificates are not on it."""
    return (
        Certificate.objects.filter(
            enrollment__course=course,
            completed_on__gte=start,
            completed_on__lte=end,
            status=CertificateStatus.VALID,
            ce_credit=CECredit.AWARDED,
        )
        .select_related("enrollment__user")
        .order_by("completed_on", "learner_name", "serial")
    )


class BoardRosterExport(SafeSpreadsheetExportMixin, SpreadsheetExportMixin):
    """The board roster's columns, written as CSV or XLSX (``as_spreadsheet``)."""

    def __init__(self, *, course: CoursePage, start, end):
        self.course, self.start, self.end = course, start, end
        self.list_export = [
            "learner_name",
            "license_type",
            "license_number",
            "license_state",
            "approval_body",
            "approval_number",
            "approval_period",
            "completed_on",
            "ce_hours",
            *(f"{_CREDIT_TYPE}{label}" for label in credit_type_labels()),
            "time_on_task",
            "serial",
        ]
        self.export_headings = {
            "learner_name": _("Name as printed"),
            "license_type": _("License type"),
            "license_number": _("License number"),
            "license_state": _("License state"),
            "approval_body": _("Approval body"),
            "approval_number": _("Approval number"),
            "approval_period": _("Approval period"),
            "completed_on": _("Completion date"),
            "ce_hours": _("CE hours"),
            **{
                f"{_CREDIT_TYPE}{label}": _("%(credit_type)s hours")
                % {"credit_type": label}
                for label in credit_type_labels()
            },
            "time_on_task": str(TIME_ON_TASK_HEADING),
            "serial": _("Certificate serial"),
        }

    def time_on_task_minutes(self, user_id: int) -> int:
        """The learner's time on the course's lessons, in whole minutes (all
        the course's learners read at once, on the first row)."""
        if not hasattr(self, "_seconds"):
            self._seconds = course_times_by_learner(course_id=self.course.pk)
        return minutes_of(self._seconds.get(user_id, 0))

    def get_filename(self):
        return f"board-roster-{self.course.slug}-{self.start}-to-{self.end}"

    def to_row_dict(self, item: Certificate):
        approvals = approvals_list(item.approvals)
        values = {
            "approval_body": "; ".join(a["body"] for a in approvals),
            "approval_number": "; ".join(a["provider_number"] for a in approvals),
            "approval_period": "; ".join(a["period"] for a in approvals),
            "time_on_task": self.time_on_task_minutes(item.enrollment.user_id),
        }
        row = {}
        for field in self.list_export:
            if field.startswith(_CREDIT_TYPE):
                label = field.removeprefix(_CREDIT_TYPE)
                row[field] = hours_of_credit_type(item.credits, label)
            elif field in values:
                row[field] = values[field]
            else:
                row[field] = getattr(item, field)
        return row


def board_roster_view(request):
    """Pick a course and period; download its board roster as CSV or XLSX.

    The form re-renders with its errors, or with a message when no CE
    certificate falls in the period (no empty file is sent).
    """
    if not request.user.has_perm("courses.view_certificate"):
        raise PermissionDenied
    export = request.GET.get("export")
    form = BoardRosterForm(request.GET if export else None)
    if export in SpreadsheetExportMixin.FORMATS and form.is_valid():
        course = form.cleaned_data["course"]
        start = form.cleaned_data["completed_from"]
        end = form.cleaned_data["completed_to"]
        certificates = board_roster_certificates(course=course, start=start, end=end)
        if certificates.exists():
            response = BoardRosterExport(
                course=course, start=start, end=end
            ).as_spreadsheet(certificates, export)
            patch_cache_control(response, private=True, no_store=True)
            return response
        messages.warning(
            request,
            _(
                "No certificate awarding CE hours for %(course)s was completed "
                "from %(start)s to %(end)s, so there is nothing to download. "
                "Check the course and the dates."
            )
            % {
                "course": course.title,
                "start": date_format(start, "DATE_FORMAT"),
                "end": date_format(end, "DATE_FORMAT"),
            },
        )
    return TemplateResponse(request, "courses/admin/board_roster.html", {"form": form})
