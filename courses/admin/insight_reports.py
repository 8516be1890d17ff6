"""Two reports on the school's learners: enrollments and learner progress.

Both read as documents (names, course titles, dates; no ids), filter with
django-filter, and export CSV or XLSX streamed row by row
(``StreamedRowsReportView``). Who may see them: ``courses.view_enrollment``
(Instructor, Assistant, superusers).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from courses.admin.reports import StreamedRowsReportView, _today
from courses.insight.progress import ProgressState, enrollments_with_progress
from courses.learner_admin.panels import learner_display_name
from courses.models import (
    CoursePage,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
)
from courses.time_on_task import enrollment_time_seconds, minutes_of

USER_FIELDS = [
    "user",
    "course",
    "user__email",
    "user__first_name",
    "user__last_name",
    "user__profile__name_on_certificate",
]


def _course_filter():
    return django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
    )


def _local_date(value: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(value) if value else None


def _columns(headings: dict, link_field: str) -> list[Column]:
    return [
        TitleColumn(field, label=label, get_url=lambda row: row.learner_url)
        if field == link_field
        else Column(field, label=label)
        for field, label in headings.items()
    ]


# Enrollments -------------------------------------------------------------------


class EnrollmentsFilterSet(WagtailFilterSet):
    course = _course_filter()
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=EnrollmentStatus.choices, empty_label=_("Any")
    )
    source = django_filters.ChoiceFilter(
        label=_("How they enrolled"),
        choices=EnrollmentSource.choices,
        empty_label=_("Any"),
    )
    enrolled = django_filters.DateFromToRangeFilter(
        label=_("Enrolled on"), field_name="created_at", widget=DateRangePickerWidget
    )

    class Meta:
        model = Enrollment
        fields = ["course", "status", "source", "enrolled"]


@dataclass
class EnrollmentRow:
    learner: str
    learner_email: str
    course: str
    source: str
    status: str
    enrolled_on: datetime.date
    completed_on: datetime.date | None
    learner_url: str = ""


class EnrollmentsReportView(StreamedRowsReportView):
    """Every enrollment, newest first: who, in which course, how, and when."""

    page_title = _("Enrollments")
    header_icon = "group"
    index_url_name = "courses_report_enrollments"
    index_results_url_name = "courses_report_enrollments_results"
    filterset_class = EnrollmentsFilterSet
    permission_policy = ModelPermissionPolicy(Enrollment)
    permission_required = "view"
    model = Enrollment
    export_headings = {
        "learner": _("Learner"),
        "learner_email": _("Email"),
        "course": _("Course"),
        "source": _("How they enrolled"),
        "status": _("Status"),
        "enrolled_on": _("Enrolled on"),
        "completed_on": _("Completed on"),
    }
    list_export = list(export_headings)
    columns = _columns(export_headings, "learner")

    def get_filename(self):
        return f"enrollments-{_today()}"

    def get_queryset(self):
        return (
            Enrollment.objects.select_related("user", "user__profile", "course")
            .only(
                "status",
                "source",
                "created_at",
                "completed_at",
                "course__title",
                *USER_FIELDS,
            )
            .order_by("-created_at", "-pk")
        )

    def row(self, enrollment: Enrollment) -> EnrollmentRow:
        return EnrollmentRow(
            learner=learner_display_name(enrollment.user),
            learner_email=enrollment.user.email,
            course=enrollment.course.title,
            source=enrollment.get_source_display(),
            status=enrollment.get_status_display(),
            enrolled_on=_local_date(enrollment.created_at),
            completed_on=_local_date(enrollment.completed_at),
            learner_url="" if self.is_export else _learner_url(enrollment.user_id),
        )


def _learner_url(user_id: int) -> str:
    return reverse("learners:inspect", args=[user_id])


# Learner progress --------------------------------------------------------------


class ProgressFilterSet(WagtailFilterSet):
    course = _course_filter()
    state = django_filters.ChoiceFilter(
        label=_("Where they stand"),
        choices=ProgressState.choices,
        empty_label=_("Any"),
    )

    class Meta:
        model = Enrollment
        fields = ["course", "state"]


@dataclass
class ProgressRow:
    learner: str
    learner_email: str
    course: str
    required_done: int
    required_total: int
    percent: int
    last_activity: datetime.date
    time_on_task: int
    state: str
    learner_url: str = ""


class ProgressReportView(StreamedRowsReportView):
    """Each active enrollment: how far the learner is and where she stands.

    Progress counts required items (``courses.insight.progress``); the state
    is the first of completed, owes the evaluation, stuck (nothing completed
    for 14 days), in progress. Time on task is the learner's time in the
    course's lessons (``courses.time_on_task``), in whole minutes.
    """

    page_title = _("Learner progress")
    header_icon = "tasks"
    index_url_name = "courses_report_progress"
    index_results_url_name = "courses_report_progress_results"
    filterset_class = ProgressFilterSet
    permission_policy = ModelPermissionPolicy(Enrollment)
    permission_required = "view"
    model = Enrollment
    export_headings = {
        "learner": _("Learner"),
        "learner_email": _("Email"),
        "course": _("Course"),
        "required_done": _("Required items done"),
        "required_total": _("Required items in the course"),
        "percent": _("Progress (%)"),
        "last_activity": _("Last activity"),
        "time_on_task": _("Time on task (minutes)"),
        "state": _("Where they stand"),
    }
    list_export = list(export_headings)
    columns = _columns(export_headings, "learner")

    def get_filename(self):
        return f"learner-progress-{_today()}"

    def get_queryset(self):
        return (
            enrollments_with_progress()
            .annotate(time_seconds=enrollment_time_seconds())
            .select_related("user", "user__profile", "course")
            .only("completed_at", "created_at", "course__title", *USER_FIELDS)
            .order_by("course__title", "user__email", "pk")
        )

    def row(self, enrollment: Enrollment) -> ProgressRow:
        done, total = enrollment.required_done, enrollment.required_total
        return ProgressRow(
            learner=learner_display_name(enrollment.user),
            learner_email=enrollment.user.email,
            course=enrollment.course.title,
            required_done=done,
            required_total=total,
            percent=min(100, done * 100 // total) if total else 0,
            last_activity=_local_date(enrollment.last_activity),
            time_on_task=minutes_of(enrollment.time_seconds),
            state=ProgressState(enrollment.state).label,
            learner_url="" if self.is_export else _learner_url(enrollment.user_id),
        )
