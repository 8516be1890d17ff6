"""The instructor's CE screens in the Wagtail admin: audit reports, revoke, reissue.

Both reports subclass Wagtail's ``ReportView``, so they get filters and
CSV/XLSX export (``?export=csv`` / ``?export=xlsx``). Quiz attempts live in
``lessons``; they are read through the app registry so ``courses`` never
imports ``lessons``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, IntegerField, Max, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from core.spreadsheets import XlsxSafeExportMixin
from courses.models import (
    Certificate,
    CertificateStatus,
    CourseEvaluation,
    CoursePage,
    Enrollment,
)
from courses.services import certificate_reissue, certificate_revoke

CERTIFICATE_INSPECT = "ce_certificates:inspect"


def _today() -> str:
    return datetime.date.today().isoformat()


class RowsReportView(XlsxSafeExportMixin, ReportView):
    """A report whose table shows the rows ``decorate_paginated_queryset`` builds.

    ``ReportView`` builds its table before decorating the page; build it after,
    so the HTML listing and the export show the same rows.
    """

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_filtered_queryset()
        context = self.get_context_data()
        rows = self.decorate_paginated_queryset(context["object_list"])
        context["object_list"] = rows
        context["table"] = self.get_table(rows)
        return self.render_to_response(context)


# CE roster ---------------------------------------------------------------------


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
        "post_test_score": gettext_lazy("Post-test best score (%)"),
        "evaluation_submitted": gettext_lazy("Evaluation submitted"),
        "certificate_serial": gettext_lazy("Certificate serial"),
        "certificate_status": gettext_lazy("Certificate status"),
    }
    columns = [Column(field, label=label) for field, label in export_headings.items()]

    def get_filename(self):
        return f"ce-roster-{_today()}"

    def get_queryset(self):
        attempts = apps.get_model("lessons", "QuizAttempt").objects.filter(
            user=OuterRef("user"),
            course=OuterRef("course"),
            is_final_assessment=True,
            submitted_at__isnull=False,
        )
        best = (
            attempts.order_by()
            .values("user")
            .annotate(best=Max("score_percent"))
            .values("best")
        )
        return (
            Enrollment.objects.select_related("user", "user__profile", "course")
            .prefetch_related("certificates")
            .annotate(
                post_test_best=Subquery(best, output_field=IntegerField()),
                evaluated=Count("evaluation"),
            )
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
            post_test_score=enrollment.post_test_best,
            evaluation_submitted=_("yes") if enrollment.evaluated else _("no"),
            certificate_serial=certificate.serial if certificate else "",
            certificate_status=(
                certificate.get_status_display() if certificate else ""
            ),
        )


# Evaluation summary ------------------------------------------------------------


@dataclass
class EvaluationSummaryRow:
    course: str
    evaluations: int
    relevance: Decimal | None
    content_quality: Decimal | None
    instructor_effectiveness: Decimal | None
    hours_spent: Decimal | None
    comments: int
    objectives: str
    all_comments: str
    latest_comments: list[str]
    evaluations_url: str


LATEST_COMMENTS = 3
EVALUATIONS_INDEX = "ce_evaluations:index"


class LatestCommentsColumn(Column):
    """The course's latest comments, in full, and a link to read them all."""

    cell_template_name = "courses/admin/latest_comments_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["row"] = instance
        return context


def _rounded(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


class EvaluationSummaryReportView(RowsReportView):
    """Per course: how many evaluations, the average of each rating, the comments."""

    page_title = gettext_lazy("Evaluation summary")
    header_icon = "tasks"
    index_url_name = "courses_evaluation_summary"
    index_results_url_name = "courses_evaluation_summary_results"
    permission_policy = ModelPermissionPolicy(Certificate)
    permission_required = "view"
    model = CoursePage
    list_export = [
        "course",
        "evaluations",
        "relevance",
        "content_quality",
        "instructor_effectiveness",
        "hours_spent",
        "comments",
        "objectives",
        "all_comments",
    ]
    export_headings = {
        "course": gettext_lazy("Course"),
        "evaluations": gettext_lazy("Evaluations"),
        "relevance": gettext_lazy("Relevance to practice (avg)"),
        "content_quality": gettext_lazy("Content quality (avg)"),
        "instructor_effectiveness": gettext_lazy("Instructor effectiveness (avg)"),
        "hours_spent": gettext_lazy("Hours spent (avg)"),
        "comments": gettext_lazy("Comments (count)"),
        "objectives": gettext_lazy("Learning objectives met (avg)"),
        "all_comments": gettext_lazy("Comments"),
    }
    columns = [
        *(
            Column(field, label=label)
            for field, label in export_headings.items()
            if field not in ("comments", "all_comments")
        ),
        LatestCommentsColumn("latest_comments", label=gettext_lazy("Comments")),
    ]

    def get_filename(self):
        return f"evaluation-summary-{_today()}"

    def get_queryset(self):
        prefix = "enrollments__evaluation__"
        return (
            CoursePage.objects.annotate(
                evaluation_count=Count(f"{prefix}pk"),
                avg_relevance=Avg(f"{prefix}relevance"),
                avg_content_quality=Avg(f"{prefix}content_quality"),
                avg_instructor=Avg(f"{prefix}instructor_effectiveness"),
                avg_hours=Avg(f"{prefix}hours_spent"),
                comment_count=Count(
                    f"{prefix}pk", filter=~Q(**{f"{prefix}comments": ""})
                ),
            )
            .filter(evaluation_count__gt=0)
            .order_by("title")
        )

    def decorate_paginated_queryset(self, object_list):
        courses = list(object_list)
        ratings: dict[int, dict[str, list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        comments: dict[int, list[str]] = defaultdict(list)
        for course_id, answers, comment in CourseEvaluation.objects.filter(
            enrollment__course__in=courses
        ).values_list("enrollment__course_id", "objective_ratings", "comments"):
            if comment.strip():
                comments[course_id].append(comment.strip())  # newest first
            for objective, rating in (answers or {}).items():
                try:
                    ratings[course_id][objective].append(int(rating))
                except (TypeError, ValueError):
                    continue
        return [
            EvaluationSummaryRow(
                course=course.title,
                evaluations=course.evaluation_count,
                relevance=_rounded(course.avg_relevance),
                content_quality=_rounded(course.avg_content_quality),
                instructor_effectiveness=_rounded(course.avg_instructor),
                hours_spent=_rounded(course.avg_hours),
                comments=course.comment_count,
                objectives="; ".join(
                    f"{objective}: {_rounded(sum(values) / len(values))}"
                    for objective, values in _in_course_order(
                        course, ratings[course.pk]
                    )
                ),
                all_comments="\n\n".join(comments[course.pk]),
                latest_comments=comments[course.pk][:LATEST_COMMENTS],
                evaluations_url=(
                    f"{reverse(EVALUATIONS_INDEX)}?{urlencode({'course': course.pk})}"
                ),
            )
            for course in courses
        ]


def _in_course_order(course, ratings: dict[str, list[int]]):
    """Objectives in the course's own order (the database may not keep it);
    objectives since reworded come after, alphabetically."""
    order = {str(block.value): i for i, block in enumerate(course.learning_objectives)}
    return sorted(
        ratings.items(), key=lambda pair: (order.get(pair[0], len(order)), pair[0])
    )


# Revoke and reissue --------------------------------------------------------------


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=255,
        help_text=gettext_lazy(
            "Kept with the certificate's record, e.g. 'Issued in error: "
            "the post-test was not passed.'"
        ),
    )


def _certificate_for_change(request, pk: int) -> Certificate:
    if not request.user.has_perm("courses.change_certificate"):
        raise PermissionDenied
    return get_object_or_404(
        Certificate.objects.select_related("enrollment__user"), pk=pk
    )


def certificate_revoke_view(request, pk: int):
    """Confirm, with a reason, and revoke a valid certificate."""
    certificate = _certificate_for_change(request, pk)
    inspect_url = reverse(CERTIFICATE_INSPECT, args=[certificate.pk])
    if certificate.status != CertificateStatus.VALID:
        messages.error(request, _("Only a valid certificate can be revoked."))
        return redirect(inspect_url)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("Certificate %(serial)s was revoked.") % {"serial": certificate.serial},
        )
        return redirect(inspect_url)
    return TemplateResponse(
        request,
        "courses/admin/certificate_revoke.html",
        {"certificate": certificate, "form": form, "inspect_url": inspect_url},
    )


def certificate_reissue_view(request, pk: int):
    """Confirm and issue a corrected copy from the learner's current profile."""
    certificate = _certificate_for_change(request, pk)
    inspect_url = reverse(CERTIFICATE_INSPECT, args=[certificate.pk])
    if certificate.status != CertificateStatus.VALID:
        messages.error(request, _("Only a valid certificate can be reissued."))
        return redirect(inspect_url)
    if request.method == "POST":
        copy = certificate_reissue(certificate=certificate)
        messages.success(
            request,
            _("Corrected copy %(serial)s issued; %(original)s is marked replaced.")
            % {"serial": copy.serial, "original": certificate.serial},
        )
        return redirect(CERTIFICATE_INSPECT, copy.pk)
    return TemplateResponse(
        request,
        "courses/admin/certificate_reissue.html",
        {"certificate": certificate, "inspect_url": inspect_url},
    )
