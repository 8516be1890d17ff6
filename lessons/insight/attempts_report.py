"""The quiz attempts report: every attempt, who, where, when, how it went.

For whoever may view quiz attempts (``lessons.view_quizattempt``); a fixed
number of queries per page; the export streams (``core.streamed_reports``).
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from core.spreadsheets import SafeSpreadsheetExportMixin
from core.streamed_reports import StreamedExportMixin
from courses.models import CoursePage
from courses.record_display import local_datetime, yes_no
from lessons.insight.attempts import quiz_attempts_for_report, quiz_choices
from lessons.insight.reports import _today, learner_label
from lessons.models import QuizAttempt


class QuizAttemptsFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
    )
    quiz = django_filters.ChoiceFilter(
        label=_("Quiz"), empty_label=_("All quizzes"), field_name="quiz_id"
    )
    passed = django_filters.ChoiceFilter(
        label=_("Result"),
        choices=[("1", _("Passed")), ("0", _("Not passed"))],
        empty_label=_("Passed or not"),
        method="filter_passed",
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = QuizAttempt
        fields = ["course", "quiz", "passed", "submitted_at"]

    def __init__(self, *args, quizzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quiz"].extra["choices"] = list(quizzes)

    def filter_passed(self, queryset, name, value):
        return queryset.filter(passed=value == "1")


class QuizAttemptsReportView(
    SafeSpreadsheetExportMixin, StreamedExportMixin, ReportView
):
    """Every quiz attempt, open or submitted: who, where, when, how it went."""

    page_title = _("Quiz attempts")
    header_icon = "tasks"
    index_url_name = "lessons_report_quiz_attempts"
    index_results_url_name = "lessons_report_quiz_attempts_results"
    filterset_class = QuizAttemptsFilterSet
    permission_policy = ModelPermissionPolicy(QuizAttempt)
    permission_required = "view"
    model = QuizAttempt
    export_headings = {
        "learner": _("Learner"),
        "course": _("Course"),
        "quiz": _("Quiz"),
        "number": _("Attempt number"),
        "started": _("Started"),
        "submitted": _("Submitted"),
        "score": _("Score (%)"),
        "passed": _("Passed"),
    }
    list_export = list(export_headings)
    columns = [
        Column("learner", label=_("Learner"), accessor=lambda a: learner_label(a.user)),
        Column(
            "course",
            label=_("Course"),
            accessor=lambda a: a.course.title if a.course else "—",
        ),
        Column("quiz_title", label=_("Quiz")),
        Column("number", label=_("Attempt")),
        DateColumn("created_at", label=_("Started")),
        DateColumn("submitted_at", label=_("Submitted")),
        Column(
            "score_percent",
            label=_("Score"),
            accessor=lambda a: (
                "—" if a.score_percent is None else f"{a.score_percent}%"
            ),
        ),
        Column(
            "passed",
            label=_("Passed"),
            accessor=lambda a: yes_no(a.passed) or _("not submitted yet"),
        ),
    ]

    @cached_property
    def quizzes(self) -> list[tuple[int, str]]:
        return quiz_choices()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "quizzes": self.quizzes}

    def get_queryset(self):
        return self.filter_queryset(quiz_attempts_for_report())

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_filename(self):
        return f"quiz-attempts-{_today()}"

    def to_row_dict(self, item):
        return {
            "learner": learner_label(item.user),
            "course": item.course.title if item.course else "",
            "quiz": item.quiz_title,
            "number": item.number,
            "started": local_datetime(item.created_at),
            "submitted": local_datetime(item.submitted_at),
            "score": item.score_percent,
            "passed": yes_no(item.passed),
        }
