"""Quiz item analysis against numbers worked out by hand (support.MATRIX)."""

from __future__ import annotations

import pytest

from lessons.insight.item_analysis import quiz_item_analysis
from lessons.services import quiz_attempt_start
from tests.lessons.insight.support import MATRIX, answer, answered_quiz


@pytest.fixture
def analysed(module, course):
    quiz, learners = answered_quiz(parent=module, course=course)
    return quiz, learners


def _by_prompt(analysis):
    return {question.prompt: question for question in analysis.questions}


def test_each_question_counts_the_attempts_that_drew_it(analysed):
    quiz, _learners = analysed

    analysis = quiz_item_analysis(quiz_id=quiz.pk)

    assert analysis.learners == 12
    assert [q.prompt for q in analysis.questions] == [
        "Question 1?",
        "Question 2?",
        "Question 3?",
        "Question 4?",
    ]
    assert [q.drawn for q in analysis.questions] == [12, 12, 12, 12]


def test_percent_correct_by_hand(analysed):
    quiz, _learners = analysed

    questions = _by_prompt(quiz_item_analysis(quiz_id=quiz.pk))

    assert questions["Question 1?"].correct_percent == pytest.approx(100 * 8 / 12)
    assert questions["Question 2?"].correct_percent == pytest.approx(100 * 3 / 12)
    assert questions["Question 3?"].correct_percent == pytest.approx(100 * 5 / 12)
    assert questions["Question 4?"].correct_percent == pytest.approx(100 * 8 / 12)


def test_most_chosen_wrong_answer_and_its_share(analysed):
    quiz, _learners = analysed

    questions = _by_prompt(quiz_item_analysis(quiz_id=quiz.pk))

    # Question 2: "a" by L1-L3 and L5-L8 (7), "b" by L4 and L12 (2).
    assert questions["Question 2?"].wrong_answer == "Wrong 2a"
    assert questions["Question 2?"].wrong_share == pytest.approx(100 * 7 / 12)
    # Question 3: "b" by L5-L8, L10-L12 (7); nobody chose "a".
    assert questions["Question 3?"].wrong_answer == "Wrong 3b"
    assert questions["Question 3?"].wrong_share == pytest.approx(100 * 7 / 12)
    assert questions["Question 1?"].wrong_answer == "Wrong 1a"
    assert questions["Question 1?"].wrong_share == pytest.approx(100 * 4 / 12)


def test_discrimination_top_third_minus_bottom_third(analysed):
    quiz, _learners = analysed

    questions = _by_prompt(quiz_item_analysis(quiz_id=quiz.pk))

    # Top = L1-L4, bottom = L9-L12 (L9 ties L5-L8 at 2 but submitted later).
    assert questions["Question 1?"].discrimination == pytest.approx(1 - 0)
    assert questions["Question 2?"].discrimination == pytest.approx(0 - 3 / 4)
    assert questions["Question 3?"].discrimination == pytest.approx(1 - 1 / 4)
    assert questions["Question 4?"].discrimination == pytest.approx(1 - 0)


def test_the_broken_question_is_flagged_with_its_reasons(analysed):
    quiz, _learners = analysed

    analysis = quiz_item_analysis(quiz_id=quiz.pk)
    questions = _by_prompt(analysis)

    broken = questions["Question 2?"]
    assert broken.flagged
    assert broken.verdict == "Review this question"
    assert "Only 25% answered it correctly" in broken.reasons[0]
    assert "More learners chose “Wrong 2a” (58%)" in broken.reasons[1]
    assert "lowest total scores got it right more often" in broken.reasons[2]
    assert "-0.75" in broken.reasons[2]
    for prompt in ("Question 1?", "Question 3?", "Question 4?"):
        assert not questions[prompt].flagged
        assert questions[prompt].verdict == "Looks fine"
    assert analysis.flagged_count == 1


def test_only_each_learners_first_submitted_attempt_counts(analysed):
    quiz, learners = analysed
    course = quiz.get_parent().get_parent().specific
    # The weakest learner retries and gets everything right: still counted once,
    # with the first (all-but-one wrong) attempt.
    answer(quiz_attempt_start(user=learners[-1], quiz=quiz, course=course), "RRRR")
    quiz_attempt_start(user=learners[0], quiz=quiz, course=course)  # left open

    questions = _by_prompt(quiz_item_analysis(quiz_id=quiz.pk))

    assert questions["Question 2?"].drawn == 12
    assert questions["Question 2?"].correct_percent == pytest.approx(100 * 3 / 12)
    assert questions["Question 2?"].discrimination == pytest.approx(-0.75)


def test_under_ten_attempts_it_is_too_early_to_judge(module, course):
    quiz, _learners = answered_quiz(
        parent=module, course=course, rows=MATRIX[:9], title="Small quiz"
    )

    analysis = quiz_item_analysis(quiz_id=quiz.pk)

    assert analysis.learners == 9
    for question in analysis.questions:
        assert question.too_few and not question.flagged
        assert question.verdict == "Too few attempts to judge"
        assert question.reasons == [
            "Too few attempts to judge: 9 so far, 10 are needed."
        ]
    assert analysis.flagged_count == 0
    # With 9 learners a third is 3: top L1-L3, bottom L7-L9.
    question_3 = analysis.questions[2]
    assert question_3.discrimination == pytest.approx(1 - 1 / 3)


def test_with_fewer_than_three_learners_there_is_no_discrimination(module, course):
    quiz, _learners = answered_quiz(
        parent=module, course=course, rows=MATRIX[:2], title="Tiny quiz"
    )

    analysis = quiz_item_analysis(quiz_id=quiz.pk)

    assert [q.discrimination for q in analysis.questions] == [None] * 4


def test_a_question_removed_from_the_quiz_is_still_reported(analysed):
    quiz, _learners = analysed
    quiz.questions = list(quiz.questions.raw_data)[:3]
    quiz.save()

    analysis = quiz_item_analysis(quiz_id=quiz.pk)

    removed = analysis.questions[-1]
    assert removed.prompt == "Question 4?"
    assert not removed.in_quiz
    assert removed.drawn == 12
    assert removed.wrong_answer == "Wrong 4a"
