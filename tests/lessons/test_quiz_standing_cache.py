"""A learner's standing on a quiz, read through their cache, never stale.

``lessons.selectors.quiz_standing`` keeps a learner's attempts and grants in
their cache (``accounts.user_cache``); a new attempt, a submission or a grant
counts at once, and the quiz's own limit is read from the page as published.
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from lessons.selectors import quiz_standing
from lessons.services import (
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_attempts_grant,
)
from tests.lessons.quiz_factories import QuizPageFactory, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(lesson):
    return QuizPageFactory(
        parent=lesson.get_parent(),
        title="Knowledge check",
        slug="check",
        attempts_allowed=1,
    )


def test_the_second_read_costs_no_query(quiz, enrolled_learner):
    quiz_standing(user=enrolled_learner, quiz=quiz)

    with CaptureQueriesContext(connection) as ctx:
        standing = quiz_standing(user=enrolled_learner, quiz=quiz)

    assert ctx.captured_queries == []
    assert (standing.attempts_left, standing.open_attempt) == (1, None)


def test_attempts_and_grants_count_at_once(quiz, course, enrolled_learner):
    assert quiz_standing(user=enrolled_learner, quiz=quiz).can_start

    attempt = quiz_attempt_start(user=enrolled_learner, quiz=quiz, course=course)
    assert quiz_standing(user=enrolled_learner, quiz=quiz).open_attempt == attempt

    quiz_attempt_submit(attempt=attempt, answers=wrong_answers(attempt))
    standing = quiz_standing(user=enrolled_learner, quiz=quiz)
    assert (standing.open_attempt, standing.attempts_left, standing.can_start) == (
        None,
        0,
        False,
    )

    quiz_attempts_grant(
        user=enrolled_learner, quiz=quiz, extra_attempts=2, reason="Illness", by=None
    )
    assert quiz_standing(user=enrolled_learner, quiz=quiz).attempts_left == 2


def test_the_quizs_own_limit_is_read_from_the_page(quiz, enrolled_learner):
    assert quiz_standing(user=enrolled_learner, quiz=quiz).attempts_left == 1

    quiz.attempts_allowed = 3
    quiz.save_revision().publish()

    assert quiz_standing(user=enrolled_learner, quiz=quiz).attempts_left == 3
