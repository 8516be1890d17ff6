"""The Evaluations screen: every course evaluation, read-only, comments in full.

The evaluation summary report averages the ratings per course; this screen
is where the instructor reads what each learner wrote. Registered in
``courses/wagtail_hooks.py`` (section "Evaluations").
"""

from __future__ import annotations

from collections import OrderedDict

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

import django_filters

from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.forms import EvaluationForm
from courses.models import CourseEvaluation, CoursePage
from courses.record_display import (
    excerpt,
    local_datetime,
    objective_ratings,
    objective_ratings_text,
    rating_text,
)

RATING_FIELDS = ["relevance", "content_quality", "instructor_effectiveness"]


def learner_label(user) -> str:
    """``Maria Gómez (maria@example.com)``, or the email alone."""
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email


def ratings_summary(evaluation: CourseEvaluation) -> str:
    return _(
        "Relevance %(relevance)s · Content %(content)s · Instructor %(instructor)s"
    ) % {
        "relevance": evaluation.relevance,
        "content": evaluation.content_quality,
        "instructor": evaluation.instructor_effectiveness,
    }


class EvaluationFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        field_name="enrollment__course",
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
    )
    submitted = django_filters.DateFromToRangeFilter(
        label=_("Submitted between"),
        field_name="created_at__date",
        widget=DateRangePickerWidget,
    )

    class Meta:
        model = CourseEvaluation
        fields = ["course", "submitted"]


class EvaluationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing; its export has one row per evaluation, comments in full."""

    def to_row_dict(self, item):
        values = {
            "learner_name": lambda: item.enrollment.user.get_full_name(),
            "learner_email": lambda: item.enrollment.user.email,
            "course": lambda: item.enrollment.course.title,
            "objective_ratings": lambda: objective_ratings_text(item.objective_ratings),
            "created_at": lambda: local_datetime(item.created_at),
        }
        return OrderedDict(
            (field, values[field]() if field in values else getattr(item, field))
            for field in self.list_export
        )


class EvaluationInspectView(InspectView):
    """The evaluation as the learner filled it in, with the questions' wording."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        evaluation = self.object
        form_fields = EvaluationForm.base_fields
        context.update(
            evaluation=evaluation,
            learner=learner_label(evaluation.enrollment.user),
            objectives=objective_ratings(evaluation.objective_ratings),
            ratings=[
                (form_fields[name].label, rating_text(getattr(evaluation, name)))
                for name in RATING_FIELDS
            ],
        )
        return context


class EvaluationViewSet(ModelViewSet):
    """Every course evaluation, read-only; what learners wrote, in full."""

    model = CourseEvaluation
    icon = "form"
    menu_label = _("Evaluations")
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = EvaluationIndexView
    inspect_view_enabled = True
    inspect_view_class = EvaluationInspectView
    inspect_template_name = "courses/admin/evaluation_inspect.html"
    list_display = [
        TitleColumn(  # opens the evaluation as the learner filled it in
            "learner",
            label=_("Learner"),
            accessor=lambda e: learner_label(e.enrollment.user),
            url_name="ce_evaluations:inspect",
        ),
        Column("course", label=_("Course"), accessor="enrollment.course.title"),
        Column("created_at", label=_("Submitted"), accessor="created_at"),
        Column("ratings", label=_("Ratings (1–5)"), accessor=ratings_summary),
        Column("comments", label=_("Comments"), accessor=lambda e: excerpt(e.comments)),
    ]
    filterset_class = EvaluationFilterSet
    search_fields = ["comments"]
    list_export = [
        "learner_name",
        "learner_email",
        "course",
        "created_at",
        "relevance",
        "content_quality",
        "instructor_effectiveness",
        "hours_spent",
        "objective_ratings",
        "comments",
    ]
    export_headings = {
        "learner_name": _("Learner"),
        "learner_email": _("Learner email"),
        "course": _("Course"),
        "created_at": _("Submitted at"),
        "relevance": _("Relevance to practice (1–5)"),
        "content_quality": _("Content quality (1–5)"),
        "instructor_effectiveness": _("Instructor effectiveness (1–5)"),
        "hours_spent": _("Hours spent"),
        "objective_ratings": _("Learning objectives met"),
        "comments": _("Comments"),
    }
    export_filename = "evaluations"
    form_fields = ["comments"]  # required by ModelViewSet; editing is refused

    def get_queryset(self, request):
        return CourseEvaluation.objects.select_related(
            "enrollment__user", "enrollment__course"
        )
