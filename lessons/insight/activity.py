"""What lessons records of a learner's activity, for the admin home's
"active this week" (``courses.insight.activity``, through its hook)."""

from __future__ import annotations

from django.db.models import QuerySet

from lessons.models import AuthorRole, Post, QuizAttempt


def quiz_attempts_submitted_users(window) -> QuerySet:
    """Learners who submitted a quiz attempt in ``window``: one user id column."""
    return QuizAttempt.objects.filter(
        submitted_at__gte=window.start, submitted_at__lt=window.end
    ).values("user_id")


def posts_written_users(window) -> QuerySet:
    """Learners who wrote a post, as a learner, in ``window``: one user id column."""
    return Post.objects.filter(
        created_at__gte=window.start,
        created_at__lt=window.end,
        author_role=AuthorRole.LEARNER,
    ).values("author_id")
