"""What the completion rule reads from the learner's quiz attempts and profile.

The post-test score a certificate prints is the learner's best *passing*
attempt at the final assessment; a course without a final prints none.
"""

from __future__ import annotations

import pytest

from courses.completion import course_completion_facts
from courses.services import course_completion_attempt
from lessons.services import quiz_attempt_start, quiz_attempt_submit
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluate,
    lessons_complete,
    profile_fill,
)
from tests.lessons.quiz_factories import (
    QuizPageFactory,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def user(db):
    return UserFactory(email="clinician@example.com")


def take_final(user, ce, *, right: int, pass_mark: int, quiz=None):
    """One attempt at the three-question post-test (or ``quiz``), ``right`` of
    them right, under the pass mark the quiz has when the attempt starts."""
    quiz = quiz or ce.final
    quiz.pass_mark = pass_mark
    quiz.save()
    attempt = quiz_attempt_start(user=user, quiz=quiz, course=ce.course)
    good, bad = right_answers(attempt), wrong_answers(attempt)
    ids = [question["id"] for question in attempt.snapshot]
    answers = {qid: good[qid] if n < right else bad[qid] for n, qid in enumerate(ids)}
    return quiz_attempt_submit(attempt=attempt, answers=answers)


def ready_but_for_the_evaluation(user, ce):
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)


def certificate_after_evaluating(user, ce):
    evaluate(user, ce)
    return course_completion_attempt(user=user, course=ce.course)


def test_the_certificate_prints_the_best_passing_score_not_the_first(user, ce):
    # Given a learner who passed the post-test with 66%, then again with 100%
    ready_but_for_the_evaluation(user, ce)
    first = take_final(user, ce, right=2, pass_mark=60)
    best = take_final(user, ce, right=3, pass_mark=60)
    assert (first.passed, first.score_percent) == (True, 66)
    assert (best.passed, best.score_percent) == (True, 100)

    # When the evaluation completes the course
    certificate = certificate_after_evaluating(user, ce)

    # Then the certificate prints the best score
    assert certificate.post_test_score == 100


def test_the_certificate_never_prints_a_failed_attempts_score(user, ce):
    # Given a learner who failed with 66% under a pass mark of 80, and passed
    # with 33% after the instructor lowered the pass mark to 30
    ready_but_for_the_evaluation(user, ce)
    failed = take_final(user, ce, right=2, pass_mark=80)
    passed = take_final(user, ce, right=1, pass_mark=30)
    assert (failed.passed, failed.score_percent) == (False, 66)
    assert (passed.passed, passed.score_percent) == (True, 33)

    # When the evaluation completes the course
    certificate = certificate_after_evaluating(user, ce)

    # Then the certificate prints the passing score, not the higher failed one
    assert certificate.post_test_score == 33


def test_another_learners_better_score_is_not_printed_on_mine(user, ce):
    # Given another learner who passed the post-test with 100%
    other = UserFactory(email="colleague@example.com")
    enroll(other, ce)
    take_final(other, ce, right=3, pass_mark=60)

    # When this learner passes with 66% and completes the course
    ready_but_for_the_evaluation(user, ce)
    take_final(user, ce, right=2, pass_mark=60)
    certificate = certificate_after_evaluating(user, ce)

    # Then their certificate prints their own score
    assert certificate.post_test_score == 66


def test_a_better_score_on_another_quiz_is_not_the_post_test_score(user, ce):
    # Given an optional warm-up quiz in the course, passed with 100%
    warm_up = QuizPageFactory(
        parent=ce.final.get_parent(), title="Warm-up", slug="warm-up", is_optional=True
    )
    ready_but_for_the_evaluation(user, ce)
    take_final(user, ce, right=3, pass_mark=60, quiz=warm_up)

    # When the learner passes the post-test itself with 66% and completes
    take_final(user, ce, right=2, pass_mark=60)
    certificate = certificate_after_evaluating(user, ce)

    # Then the certificate prints the post-test's score
    assert certificate.post_test_score == 66


def test_a_course_without_a_final_assessment_prints_no_post_test_score(user, ce):
    # Given the course's quiz is not its final assessment
    ce.final.is_final_assessment = False
    ce.final.save_revision().publish()
    ready_but_for_the_evaluation(user, ce)
    take_final(user, ce, right=3, pass_mark=80)

    # When the evaluation completes the course
    facts = course_completion_facts(user=user, course=ce.course)
    certificate = certificate_after_evaluating(user, ce)

    # Then it is issued with no post-test score
    assert facts.post_test_score is None
    assert certificate is not None
    assert certificate.post_test_score is None
