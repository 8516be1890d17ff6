"""A quiz that draws a number of questions from each section of its pool.

Every attempt covers every section (a post-test claiming ethics hours always
asks about ethics): the pure draw first, then an attempt started through the
service, then what the learner reads before starting.
"""

from __future__ import annotations

from collections import Counter

import pytest

from lessons import grading
from lessons.models import QuizAttempt, QuizPage
from lessons.services import quiz_attempt_start
from tests.lessons.quiz_factories import (
    QuizPageFactory,
    content_of,
    in_section,
    pool,
    sectioned_pool,
    stream_data,
)

SIZES = {"Module 1: Records": 6, "Module 2: Ethics": 4, "Module 3: Interviews": 5}


def pool_of(questions) -> list[dict]:
    stream_block = QuizPage._meta.get_field("questions").stream_block
    return grading.pool_from_stream(stream_block.to_python(stream_data(questions)))


@pytest.fixture(scope="module")
def sectioned() -> list[dict]:
    # Sections interleaved in the pool, as an instructor may add them over time.
    questions = sectioned_pool(SIZES)
    return pool_of(questions[::2] + questions[1::2])


def draw(pool_read, seed, *, per_section=2, shuffle_questions=True, **options):
    return grading.draw(
        pool_read,
        seed=seed,
        shuffle_questions=shuffle_questions,
        shuffle_choices=options.get("shuffle_choices", True),
        draw_count=options.get("draw_count", 0),
        draw_per_section=per_section,
    )


# Reading the pool ------------------------------------------------------------


def test_the_pool_carries_each_questions_section_with_spaces_tidied():
    questions = [
        in_section(q, s) for q, s in zip(pool(2), [" Ethics ", "A  B"], strict=True)
    ]
    assert [q["section"] for q in pool_of(questions)] == ["Ethics", "A B"]


def test_a_question_saved_before_sections_existed_has_none():
    assert [q["section"] for q in pool_of(pool(2))] == ["", ""]


def test_sections_come_in_the_order_their_names_first_appear(sectioned):
    assert list(grading.sections(sectioned)) == list(SIZES)
    assert [len(p) for p in grading.sections(sectioned).values()] == [6, 4, 5]


# The draw ----------------------------------------------------------------------


@pytest.mark.parametrize("per_section", [1, 2, 4])
@pytest.mark.parametrize("shuffle_questions", [True, False])
def test_every_draw_has_exactly_n_from_each_section_and_no_repeats(
    sectioned, per_section, shuffle_questions
):
    pool_ids = {q["id"] for q in sectioned}
    for seed in range(500):
        drawn = draw(
            sectioned,
            seed,
            per_section=per_section,
            shuffle_questions=shuffle_questions,
        )
        ids = [q["id"] for q in drawn]
        assert Counter(q["section"] for q in drawn) == dict.fromkeys(SIZES, per_section)
        assert len(set(ids)) == len(ids) == per_section * len(SIZES)
        assert set(ids) <= pool_ids


def test_the_same_seed_gives_the_same_draw(sectioned):
    for seed in range(20):
        assert draw(sectioned, seed) == draw(sectioned, seed)


def test_different_seeds_pick_different_questions(sectioned):
    picks = {frozenset(q["id"] for q in draw(sectioned, seed)) for seed in range(10)}
    assert len(picks) > 1


def test_every_question_of_a_section_gets_drawn_over_many_seeds(sectioned):
    drawn_ids = {q["id"] for seed in range(200) for q in draw(sectioned, seed)}
    assert drawn_ids == {q["id"] for q in sectioned}


def test_without_shuffle_questions_come_section_by_section_in_pool_order(sectioned):
    position = {q["id"]: i for i, q in enumerate(sectioned)}
    for seed in range(50):
        drawn = draw(sectioned, seed, per_section=3, shuffle_questions=False)
        assert [q["section"] for q in drawn] == [s for s in SIZES for _ in range(3)]
        for section in SIZES:
            positions = [position[q["id"]] for q in drawn if q["section"] == section]
            assert positions == sorted(positions)


def test_shuffle_questions_mixes_the_sections(sectioned):
    orders = {tuple(q["section"] for q in draw(sectioned, seed)) for seed in range(20)}
    assert len(orders) > 1


def test_choices_are_shuffled_as_in_any_draw(sectioned):
    by_id = {q["id"]: q for q in sectioned}
    drawn = [q for seed in range(10) for q in draw(sectioned, seed)]
    assert any(q["choices"] != by_id[q["id"]]["choices"] for q in drawn)
    for question in drawn:
        assert sorted(c["id"] for c in question["choices"]) == sorted(
            c["id"] for c in by_id[question["id"]]["choices"]
        )
        assert question["correct"] == by_id[question["id"]]["correct"]


def test_per_section_wins_over_a_whole_pool_count_left_set(sectioned):
    # The editor refuses both; a draw handed both still covers every section.
    drawn = draw(sectioned, 3, per_section=1, draw_count=10)
    assert Counter(q["section"] for q in drawn) == dict.fromkeys(SIZES, 1)


@pytest.mark.parametrize(
    ("draw_count", "per_section"), [(0, 0), (7, 0), (40, 0), (0, 1), (0, 4), (0, 5)]
)
def test_attempt_size_is_the_length_of_the_draw(sectioned, draw_count, per_section):
    size = grading.attempt_size(
        sectioned, draw_count=draw_count, draw_per_section=per_section
    )
    drawn = draw(sectioned, 1, per_section=per_section, draw_count=draw_count)
    assert size == len(drawn)


# Through the service and the quiz page ---------------------------------------


@pytest.fixture
def sectioned_quiz(module):
    return QuizPageFactory(
        parent=module,
        questions=sectioned_pool(SIZES),
        shuffle_questions=True,
        draw_per_section=3,
    )


def test_an_attempt_started_draws_n_from_each_section(course, learner, sectioned_quiz):
    attempt = quiz_attempt_start(user=learner, quiz=sectioned_quiz, course=course)

    stored = QuizAttempt.objects.get(pk=attempt.pk)
    assert Counter(q["section"] for q in stored.snapshot) == dict.fromkeys(SIZES, 3)
    assert stored.question_count == 9
    assert stored.snapshot == draw(
        grading.pool_from_stream(sectioned_quiz.questions),
        stored.seed,
        per_section=3,
        shuffle_choices=False,
    )


def test_an_attempt_keeps_its_questions_when_the_settings_change(
    course, learner, sectioned_quiz
):
    attempt = quiz_attempt_start(user=learner, quiz=sectioned_quiz, course=course)
    before = QuizAttempt.objects.get(pk=attempt.pk).snapshot

    sectioned_quiz.draw_per_section = 1
    sectioned_quiz.save()

    assert QuizAttempt.objects.get(pk=attempt.pk).snapshot == before
    resumed = quiz_attempt_start(user=learner, quiz=sectioned_quiz, course=course)
    assert (resumed.pk, len(resumed.snapshot)) == (attempt.pk, 9)


def test_the_quiz_tells_the_learner_how_many_questions_from_each_section(
    sectioned_quiz, enrolled_client
):
    content = content_of(enrolled_client.get(sectioned_quiz.url))
    assert "Each attempt has 9 questions: 3 from each of its 3 sections." in content


@pytest.mark.parametrize(("draw_count", "shown"), [(0, 15), (8, 8)])
def test_the_quiz_tells_the_learner_how_many_questions_otherwise(
    module, enrolled_client, draw_count, shown
):
    quiz = QuizPageFactory(
        parent=module, questions=sectioned_pool(SIZES), draw_count=draw_count
    )
    content = content_of(enrolled_client.get(quiz.url))
    assert f"Each attempt has {shown} questions." in content
