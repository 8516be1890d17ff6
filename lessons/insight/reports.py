"""The quiz item analysis report (the attempts report: ``attempts_report``).

Both quiz reports are Wagtail ``ReportView``s (filters, CSV and XLSX export)
for whoever may view quiz attempts (``lessons.view_quizattempt``: the
Instructor and Assistant groups). Each page costs a fixed number of queries;
exports stream (``core.streamed_reports``).
"""

from __future__ import annotations

import datetime

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from core.spreadsheets import SafeSpreadsheetExportMixin
from core.streamed_reports import StreamedExportMixin
from courses.record_display import yes_no
from lessons.insight.attempts import quiz_choices
from lessons.insight.item_analysis import (
    ItemAnalysis,
    discrimination_text,
    percent_text,
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
                f"{q.verdict}: {' '.join(q.reasons)}" if q.reasons else q.verdict
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
