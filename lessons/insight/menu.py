"""Where the quiz reports live in the admin: their URLs and Reports menu items."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem

from core.admin_reports import PermissionMenuItem, report_urls

# Shown to who may view quiz attempts (the Instructor and Assistant groups).
VIEW_ATTEMPTS = "lessons.view_quizattempt"


def quiz_attempts_menu_item() -> MenuItem:
    return PermissionMenuItem(
        _("Quiz attempts"),
        reverse("lessons_report_quiz_attempts"),
        permission=VIEW_ATTEMPTS,
        name="quiz-attempts-report",
        icon_name="tasks",
        order=820,
    )


def item_analysis_menu_item() -> MenuItem:
    return PermissionMenuItem(
        _("Quiz item analysis"),
        reverse("lessons_report_item_analysis"),
        permission=VIEW_ATTEMPTS,
        name="quiz-item-analysis",
        icon_name="help",
        order=825,
    )


def insight_urls() -> list:
    from lessons.insight.attempts_report import QuizAttemptsReportView
    from lessons.insight.reports import ItemAnalysisReportView

    return [
        *report_urls(
            "quiz-attempts", QuizAttemptsReportView, "lessons_report_quiz_attempts"
        ),
        *report_urls(
            "quiz-item-analysis", ItemAnalysisReportView, "lessons_report_item_analysis"
        ),
    ]
