"""Writes for lessons: completion, quiz attempts and their grading."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from accounts.models import User
from courses.models import CoursePage, ItemCompletion
from courses.services import course_completion_attempt, enrollment_post_test_record
from lessons import grading
from lessons.models import QuizAttempt, QuizAttemptGrant, QuizPage


class QuizError(Exception):
    """A quiz action that cannot be done; the message is for the learner."""


def item_complete(*, user: User, page: Page, course: CoursePage) -> bool:
    """Mark ``page`` complete for ``user``. Idempotent; True if it was new.

    A new completion may complete the course: the certificate is then issued
    at once (``course_completion_attempt``), never by a scheduled job.
    """
    try:
        with transaction.atomic():
            _completion, created = ItemCompletion.objects.get_or_create(
                user=user, page_id=page.pk, defaults={"course": course}
            )
    except IntegrityError:  # a concurrent request completed it first
        return False
    if created:
        course_completion_attempt(user=user, course=course)
    return created


def item_uncomplete(*, user: User, page: Page) -> bool:
    """Undo a completion. Idempotent; True if there was one to undo."""
    deleted, _details = ItemCompletion.objects.filter(
        user=user, page_id=page.pk
    ).delete()
    return bool(deleted)


def attempts_allowed_for(*, user: User, quiz: QuizPage) -> int | None:
    """How many submitted attempts ``user`` may make in all; None is unlimited."""
    if not quiz.attempts_allowed:
        return None
    return attempts_allowed(quiz=quiz, granted=attempts_granted(user=user, quiz=quiz))


def attempts_granted(*, user: User, quiz: QuizPage) -> int:
    """The extra attempts given to ``user`` at ``quiz``, all grants together."""
    return (
        QuizAttemptGrant.objects.filter(user=user, quiz=quiz).aggregate(
            total=Sum("extra_attempts")
        )["total"]
        or 0
    )


def attempts_allowed(*, quiz: QuizPage, granted: int) -> int | None:
    """The quiz's attempts plus ``granted`` extra ones; None is unlimited."""
    return quiz.attempts_allowed + granted if quiz.attempts_allowed else None


def quiz_attempts_grant(
    *, user: User, quiz: QuizPage, extra_attempts: int, reason: str, by: User | None
) -> QuizAttemptGrant:
    """Give ``user`` ``extra_attempts`` more attempts at ``quiz``, saying why.

    Grants add up (``attempts_allowed_for`` sums them); each one is its own row,
    kept with who gave it. ``extra_attempts`` must be at least 1.
    """
    if extra_attempts < 1:
        raise ValueError("Grant at least one extra attempt.")
    return QuizAttemptGrant.objects.create(
        user=user,
        quiz=quiz,
        extra_attempts=extra_attempts,
        reason=reason[:255],
        granted_by=by,
    )


@transaction.atomic
def quiz_attempt_start(
    *, user: User, quiz: QuizPage, course: CoursePage
) -> QuizAttempt:
    """Open an attempt, or return the one already open.

    Locks the learner's attempts on this quiz so two clicks cannot open two.
    Raises ``QuizError`` when the learner has used every attempt allowed.
    """
    attempts = list(
        QuizAttempt.objects.select_for_update()
        .filter(user=user, quiz=quiz)
        .order_by("number")
    )
    open_attempt = next((a for a in attempts if a.is_open), None)
    if open_attempt is not None:
        return open_attempt
    allowed = attempts_allowed_for(user=user, quiz=quiz)
    if allowed is not None and len(attempts) >= allowed:
        raise QuizError(_("You have used all the attempts allowed for this quiz."))
    seed = secrets.randbits(48)
    snapshot = grading.draw(
        grading.pool_from_stream(quiz.questions),
        seed=seed,
        shuffle_questions=quiz.shuffle_questions,
        shuffle_choices=quiz.shuffle_choices,
        draw_count=quiz.draw_count,
        draw_per_section=quiz.draw_per_section,
    )
    if not snapshot:
        raise QuizError(_("This quiz has no questions yet."))
    try:
        with transaction.atomic():
            return _attempt_create(
                user=user,
                quiz=quiz,
                course=course,
                seed=seed,
                snapshot=snapshot,
                number=(attempts[-1].number + 1) if attempts else 1,
            )
    except IntegrityError:  # a concurrent first start won: use its attempt
        return QuizAttempt.objects.get(user=user, quiz=quiz, submitted_at__isnull=True)


def _attempt_create(*, user, quiz, course, seed, snapshot, number) -> QuizAttempt:
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        course=course,
        quiz_title=quiz.title,
        number=number,
        seed=seed,
        snapshot=snapshot,
        pass_mark=quiz.pass_mark,
        is_final_assessment=quiz.is_final_assessment,
        question_count=len(snapshot),
    )


@transaction.atomic
def quiz_attempt_submit(
    *, attempt: QuizAttempt, answers: dict[str, list[str]]
) -> QuizAttempt:
    """Grade an open attempt on the server and record it; a pass completes the quiz.

    Locks the attempt row: a second submit of the same attempt is refused.
    Answers naming questions or choices outside the attempt are ignored.
    """
    attempt = QuizAttempt.objects.select_for_update().get(pk=attempt.pk)
    if not attempt.is_open:
        raise QuizError(_("This attempt has already been submitted."))
    valid = {q["id"]: {c["id"] for c in q["choices"]} for q in attempt.snapshot}
    cleaned = {
        qid: sorted(set(chosen) & valid[qid])
        for qid, chosen in answers.items()
        if qid in valid
    }
    result = grading.grade(attempt.snapshot, cleaned)
    attempt.answers = cleaned
    attempt.correct_count = result.correct
    attempt.score_percent = result.percent
    attempt.passed = result.passes(attempt.pass_mark)
    attempt.submitted_at = timezone.now()
    attempt.save()
    if attempt.passed and attempt.quiz is not None and attempt.course is not None:
        if attempt.is_final_assessment:
            enrollment_post_test_record(
                user=attempt.user, course=attempt.course, score=attempt.score_percent
            )
        item_complete(user=attempt.user, page=attempt.quiz, course=attempt.course)
    return attempt
