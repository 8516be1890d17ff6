"""What lessons does when ``courses`` tells it something (``courses.signals``)."""

from __future__ import annotations

from lessons.models import QuizAttempt


def quiz_attempts_purge(
    sender, *, user_id: int, course_id: int, dry_run: bool, **kwargs
):
    """A learner's attempts in a course past retention: counted, and deleted
    unless ``dry_run`` (``courses.services.records_purge``)."""
    attempts = QuizAttempt.objects.filter(user_id=user_id, course_id=course_id)
    found = attempts.count()
    if not dry_run:
        attempts.delete()
    return {"quiz_attempts": found}
