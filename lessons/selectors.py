"""Reads for lessons: attempt history and what a result may reveal."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from accounts.user_cache import user_cached
from lessons import grading
from lessons.models import QuizAttempt, QuizPage, RevealRule
from lessons.services import attempts_allowed, attempts_granted


def quiz_attempts(*, user, quiz: QuizPage) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.filter(user=user, quiz=quiz).order_by("number")


@dataclass
class QuizStanding:
    submitted: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    allowed: int | None  # None: unlimited

    @property
    def has_passed(self) -> bool:
        return any(attempt.passed for attempt in self.submitted)

    @property
    def attempts_left(self) -> int | None:
        if self.allowed is None:
            return None
        return max(self.allowed - len(self.submitted), 0)

    @property
    def can_start(self) -> bool:
        return self.open_attempt is not None or self.attempts_left != 0


def quiz_standing(*, user, quiz: QuizPage) -> QuizStanding:
    """``user``'s attempts at ``quiz`` and what is left, for showing (not for
    deciding: the services lock and read the rows themselves).

    The attempts (without the questions they drew and the answers given:
    ``quiz_open_questions`` reads the open attempt's) and grants are read
    through the learner's cache (``accounts.user_cache``), which any change to
    one of them invalidates; the quiz's own limit is read from the page as
    published.
    """
    attempts, granted = user_cached(
        user.pk,
        f"quiz:{quiz.pk}",
        lambda: (
            list(quiz_attempts(user=user, quiz=quiz).defer("snapshot", "answers")),
            attempts_granted(user=user, quiz=quiz),
        ),
    )
    return QuizStanding(
        submitted=[a for a in attempts if not a.is_open],
        open_attempt=next((a for a in attempts if a.is_open), None),
        allowed=attempts_allowed(quiz=quiz, granted=granted),
    )


def quiz_open_questions(*, user, attempt: QuizAttempt) -> list[dict]:
    """The questions ``attempt`` (open) drew, without their answers, read
    through the learner's cache as their standing is."""
    return user_cached(
        user.pk,
        f"quiz-attempt:{attempt.pk}:questions",
        lambda: grading.public_questions(
            QuizAttempt.objects.values_list("snapshot", flat=True).get(pk=attempt.pk)
        ),
    )


@dataclass
class QuestionFeedback:
    prompt: str
    correct: bool | None  # None: not revealed
    your_answers: list[str]
    correct_answers: list[str]  # empty: not revealed
    explanation: str


def attempt_feedback(
    *, attempt: QuizAttempt, reveal: str, has_passed: bool
) -> list[QuestionFeedback]:
    """Per-question feedback for a submitted attempt, as the reveal rule allows.

    after each attempt: right or wrong, the correct answers and explanations;
    once passed: right or wrong until the learner passes, then everything;
    never: nothing per question (the score only).
    """
    if reveal == RevealRule.NEVER:
        return []
    full = reveal == RevealRule.AFTER_EACH or has_passed
    feedback = []
    for question in attempt.snapshot:
        texts = {c["id"]: c["text"] for c in question["choices"]}
        given = attempt.answers.get(question["id"], [])
        is_right = grading.is_right(question, given)
        feedback.append(
            QuestionFeedback(
                prompt=question["prompt"],
                correct=is_right,
                your_answers=[texts[c] for c in given if c in texts],
                correct_answers=(
                    [texts[c] for c in question["correct"]] if full else []
                ),
                explanation=question["explanation"] if full else "",
            )
        )
    return feedback
