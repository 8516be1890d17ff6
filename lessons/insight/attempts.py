"""Reads for the quiz attempts report."""

from __future__ import annotations

from django.db.models import QuerySet

from lessons.models import QuizAttempt


def quiz_attempts_for_report() -> QuerySet[QuizAttempt]:
    """Every attempt, newest first, with its learner and course in the same query.

    The questions and answers (the heavy JSON) are left in the database: the
    report shows the score, not the paper.
    """
    return (
        QuizAttempt.objects.select_related("user", "course")
        .defer("snapshot", "answers")
        .order_by("-created_at", "-pk")
    )
