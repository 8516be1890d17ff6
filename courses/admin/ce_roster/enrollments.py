"""The CE roster: one row per enrollment, as a licensing board's auditor reads it."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from courses.admin.reports import (
    RowsReportView,
    _today,
)
from courses.models import (
    Certificate,
    CoursePage,
    Enrollment,
)


class RosterFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=gettext_lazy("All courses"),
    )
    ce_only = django_filters.BooleanFilter(
        label=gettext_lazy("Only courses that carry CE hours"),
        method="filter_ce_only",
    )
    completed = django_filters.BooleanFilter(
        label=gettext_lazy("Completed"),
        field_name="completed_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = Enrollment
        fields = ["course", "status"]

    def filter_ce_only(self, queryset, name, value):
        if value:
            return queryset.filter(course__ce_hours__gt=0)
        return queryset


@dataclass
class RosterRow:
    learner_email: str
    name_on_certificate: str
    license_type: str
    license_number: str
    license_state: str
    course: str
    enrolled_on: datetime.date
    completed_on: datetime.date | None
    post_test_score: int | None
    evaluation_submitted: str
    certificate_serial: str
    certificate_status: str


class CERosterReportView(RowsReportView):
    """One row per enrollment: who, under which license, how far, with what record.

    The name and license come from the certificate's snapshot once one is
    issued (what the board sees), otherwise from the learner's current profile.
    """

    page_title = gettext_lazy("CE roster")
    header_icon = "list-ul"
    index_url_name = "courses_ce_roster"
    index_results_url_name = "courses_ce_roster_results"
    filterset_class = RosterFilterSet
    permission_policy = ModelPermissionPolicy(Certificate)
    permission_required = "view"
    model = Enrollment
    list_export = [
        "learner_email",
        "name_on_certificate",
        "license_type",
        "license_number",
        "license_state",
        "course",
        "enrolled_on",
        "completed_on",
        "post_test_score",
        "evaluation_submitted",
        "certificate_serial",
        "certificate_status",
    ]
    export_headings = {
        "learner_email": gettext_lazy("Learner email"),
        "name_on_certificate": gettext_lazy("Name on certificate"),
        "license_type": gettext_lazy("License type"),
        "license_number": gettext_lazy("License number"),
        "license_state": gettext_lazy("License state"),
        "course": gettext_lazy("Course"),
        "enrolled_on": gettext_lazy("Enrolled on"),
        "completed_on": gettext_lazy("Completed on"),
        "post_test_score": gettext_lazy("Post-test best passing score (%)"),
        "evaluation_submitted": gettext_lazy("Evaluation submitted"),
        "certificate_serial": gettext_lazy("Certificate serial"),
        "certificate_status": gettext_lazy("Certificate status"),
    }
    columns = [Column(field, label=label) for field, label in export_headings.items()]

    def get_filename(self):
        return f"ce-roster-{_today()}"

    def get_queryset(self):
        return (
            Enrollment.objects.select_related("user", "user__profile", "course")
            .prefetch_related("certificates")
            .annotate(evaluated=Count("evaluation"))
            .order_by("course__title", "user__email")
        )

    def decorate_paginated_queryset(self, object_list):
        return [self._row(enrollment) for enrollment in object_list]

    @staticmethod
    def _row(enrollment: Enrollment) -> RosterRow:
        # Certificates are ordered newest first: a corrected copy wins.
        certificate = next(iter(enrollment.certificates.all()), None)
        profile = getattr(enrollment.user, "profile", None)
        source = certificate or profile
        return RosterRow(
            learner_email=enrollment.user.email,
            name_on_certificate=(
                certificate.learner_name
                if certificate
                else getattr(profile, "name_on_certificate", "")
            ),
            license_type=getattr(source, "license_type", ""),
            license_number=getattr(source, "license_number", ""),
            license_state=getattr(source, "license_state", ""),
            course=enrollment.course.title,
            enrolled_on=enrollment.created_at.date(),
            completed_on=(
                enrollment.completed_at.date() if enrollment.completed_at else None
            ),
            post_test_score=enrollment.post_test_score,
            evaluation_submitted=_("yes") if enrollment.evaluated else _("no"),
            certificate_serial=certificate.serial if certificate else "",
            certificate_status=(
                certificate.get_status_display() if certificate else ""
            ),
        )
