"""Reads for the quiz reports: the attempts, and the quizzes that have some."""

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


def quiz_choices() -> list[tuple[int, str]]:
    """Quizzes with a submitted attempt, "Course · Quiz", in course then tree order.

    One query; what the item analysis offers to choose from.
    """
    rows = (
        QuizAttempt.objects.filter(submitted_at__isnull=False, quiz__isnull=False)
        .values_list("quiz_id", "quiz__title", "course__title", "quiz__path")
        .order_by("course__title", "quiz__path")
        .distinct()
    )
    choices: dict[int, str] = {}
    for quiz_id, quiz_title, course_title, _path in rows:
        if quiz_id not in choices:
            choices[quiz_id] = (
                f"{course_title} · {quiz_title}" if course_title else quiz_title
            )
    return list(choices.items())


def quizzes_with_attempts_count() -> int:
    return (
        QuizAttempt.objects.filter(submitted_at__isnull=False, quiz__isnull=False)
        .values("quiz_id")
        .distinct()
        .count()
    )
