"""The quiz reports in the admin: item analysis, and every attempt.

Both are Wagtail ``ReportView``s (filters, CSV and XLSX export) for whoever
may view quiz attempts (``lessons.view_quizattempt``: the Instructor and
Assistant groups). Each page costs a fixed number of queries; exports stream
(``core.streamed_reports``).
"""

from __future__ import annotations

import datetime

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
from lessons.insight.attempts import quiz_attempts_for_report
from lessons.insight.item_analysis import (
    ItemAnalysis,
    discrimination_text,
    percent_text,
    quiz_choices,
    quiz_item_analysis,
)
from lessons.models import QuizAttempt


def _today() -> str:
    return datetime.date.today().isoformat()


def _rounded(value: float | None, digits: int = 1):
    return None if value is None else round(value, digits)


def learner_label(user) -> str:
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email


# Item analysis -----------------------------------------------------------------


class ItemAnalysisFilterSet(WagtailFilterSet):
    quiz = django_filters.ChoiceFilter(
        label=_("Quiz"), empty_label=None, method="choose_quiz"
    )

    class Meta:
        model = QuizAttempt
        fields = ["quiz"]

    def __init__(self, *args, quizzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quiz"].extra["choices"] = list(quizzes)

    def choose_quiz(self, queryset, name, value):
        return queryset  # the view reads the choice; there is nothing to filter


class ItemAnalysisReportView(
    SafeSpreadsheetExportMixin, StreamedExportMixin, ReportView
):
    """For the chosen quiz (the first with attempts unless one is chosen): each
    question's attempts, % correct, most chosen wrong answer, discrimination
    index and flags. What each number means: ``lessons.insight.item_analysis``."""

    page_title = _("Quiz item analysis")
    header_icon = "help"
    index_url_name = "lessons_report_item_analysis"
    index_results_url_name = "lessons_report_item_analysis_results"
    results_template_name = "lessons/admin/item_analysis_results.html"
    filterset_class = ItemAnalysisFilterSet
    permission_policy = ModelPermissionPolicy(QuizAttempt)
    permission_required = "view"
    paginate_by = None  # one row per question: the whole quiz on one page
    export_headings = {
        "number": _("Question"),
        "prompt": _("Question text"),
        "in_quiz": _("Still in the quiz"),
        "drawn": _("Attempts that drew it"),
        "correct_percent": _("Answered correctly (%)"),
        "wrong_answer": _("Most chosen wrong answer"),
        "wrong_share": _("Chose that wrong answer (%)"),
        "discrimination": _("Discrimination index"),
        "verdict": _("Verdict"),
        "reasons": _("Why"),
    }
    list_export = list(export_headings)
    columns = [
        Column("number", label=_("#")),
        Column(
            "prompt",
            label=_("Question"),
            accessor=lambda q: (
                q.prompt if q.in_quiz else f"{q.prompt} ({_('removed from the quiz')})"
            ),
        ),
        Column("drawn", label=_("Attempts that drew it")),
        Column(
            "correct_percent",
            label=_("Answered correctly"),
            accessor=lambda q: percent_text(q.correct_percent),
        ),
        Column(
            "wrong_answer",
            label=_("Most chosen wrong answer"),
            accessor=lambda q: (
                f"“{q.wrong_answer}” ({percent_text(q.wrong_share)})"
                if q.wrong_answer
                else "—"
            ),
        ),
        Column(
            "discrimination",
            label=_("Discrimination"),
            accessor=lambda q: discrimination_text(q.discrimination),
        ),
        Column(
            "verdict",
            label=_("Verdict"),
            accessor=lambda q: (
                " ".join([q.verdict, *q.reasons]) if q.reasons else q.verdict
            ),
        ),
    ]

    @cached_property
    def quizzes(self) -> list[tuple[int, str]]:
        return quiz_choices()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "quizzes": self.quizzes}

    @cached_property
    def quiz_id(self) -> int | None:
        known = {quiz_id for quiz_id, _label in self.quizzes}
        try:
            chosen = int(self.request.GET.get("quiz", ""))
        except ValueError:
            chosen = None
        if chosen in known:
            return chosen
        return self.quizzes[0][0] if self.quizzes else None

    @cached_property
    def analysis(self) -> ItemAnalysis | None:
        if self.quiz_id is None:
            return None
        return quiz_item_analysis(quiz_id=self.quiz_id)

    def get_queryset(self):
        return self.analysis.questions if self.analysis else []

    def filter_queryset(self, queryset):
        return queryset

    @cached_property
    def no_results_message(self):
        if self.analysis is None:
            return _("No quiz has a submitted attempt yet.")
        return _("This quiz has no questions.")

    def get_page_subtitle(self):
        return dict(self.quizzes).get(self.quiz_id, "")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["analysis"] = self.analysis
        context["quiz_label"] = self.get_page_subtitle()
        return context

    def get_filename(self):
        return f"quiz-item-analysis-{self.quiz_id or 'none'}-{_today()}"

    def to_row_dict(self, item):
        return {
            "number": item.number,
            "prompt": item.prompt,
            "in_quiz": yes_no(item.in_quiz),
            "drawn": item.drawn,
            "correct_percent": _rounded(item.correct_percent),
            "wrong_answer": item.wrong_answer,
            "wrong_share": _rounded(item.wrong_share),
            "discrimination": _rounded(item.discrimination, 2),
            "verdict": item.verdict,
            "reasons": " ".join(item.reasons),
        }


# Quiz attempts -----------------------------------------------------------------


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
