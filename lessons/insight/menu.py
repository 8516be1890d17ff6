"""Where the quiz reports live in the admin: their URLs and Reports menu items."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem


class QuizReportsMenuItem(MenuItem):
    """Shown to who may view quiz attempts (the Instructor and Assistant groups)."""

    def is_shown(self, request):
        return request.user.has_perm("lessons.view_quizattempt")


def quiz_attempts_menu_item() -> MenuItem:
    return QuizReportsMenuItem(
        _("Quiz attempts"),
        reverse("lessons_report_quiz_attempts"),
        name="quiz-attempts-report",
        icon_name="tasks",
        order=820,
    )


def item_analysis_menu_item() -> MenuItem:
    return QuizReportsMenuItem(
        _("Quiz item analysis"),
        reverse("lessons_report_item_analysis"),
        name="quiz-item-analysis",
        icon_name="help",
        order=825,
    )


def insight_urls() -> list:
    from lessons.insight.attempts_report import QuizAttemptsReportView
    from lessons.insight.reports import ItemAnalysisReportView

    return [
        path(
            "reports/quiz-attempts/",
            QuizAttemptsReportView.as_view(),
            name="lessons_report_quiz_attempts",
        ),
        path(
            "reports/quiz-attempts/results/",
            QuizAttemptsReportView.as_view(results_only=True),
            name="lessons_report_quiz_attempts_results",
        ),
        path(
            "reports/quiz-item-analysis/",
            ItemAnalysisReportView.as_view(),
            name="lessons_report_item_analysis",
        ),
        path(
            "reports/quiz-item-analysis/results/",
            ItemAnalysisReportView.as_view(results_only=True),
            name="lessons_report_item_analysis_results",
        ),
    ]
