"""Grading and drawing: all-or-nothing per question, integer pass marks, seeded draws.

The pure functions of ``lessons.grading`` first, then the service that records
an attempt (``quiz_attempt_submit``), which is where answers outside the
attempt are dropped.
"""

from __future__ import annotations

import pytest

from lessons import grading
from lessons.models import QuizAttempt, QuizPage
from lessons.services import quiz_attempt_start, quiz_attempt_submit
from tests.lessons.quiz_factories import (
    MULTIPLE_PROMPT,
    SINGLE_PROMPT,
    TRUE_FALSE_PROMPT,
    QuizPageFactory,
    answers_by_prompt,
    default_questions,
    multiple_select,
    pool,
    single_choice,
    stream_data,
    true_false,
)


def pool_of(questions) -> list[dict]:
    """The question pool of a quiz holding ``questions`` (no page, no database)."""
    stream_block = QuizPage._meta.get_field("questions").stream_block
    return grading.pool_from_stream(stream_block.to_python(stream_data(questions)))


def snapshot_of(questions) -> list[dict]:
    return grading.draw(
        pool_of(questions),
        seed=1,
        shuffle_questions=False,
        shuffle_choices=False,
        draw_count=0,
    )


def choice_ids(question: dict, *texts: str) -> list[str]:
    ids = {c["text"]: c["id"] for c in question["choices"]}
    return [ids[text] for text in texts]


def grade_one(question_tuple, *texts: str) -> bool:
    """Grade a one-question attempt answered with the choices named by ``texts``."""
    [question] = snapshot_of([question_tuple])
    result = grading.grade([question], {question["id"]: choice_ids(question, *texts)})
    return result.results[question["id"]]


SINGLE = single_choice("Who directs?", [("Counsel", True), ("Prosecutor", False)])
MULTIPLE = multiple_select(
    "Which sources?", [("School", True), ("Medical", True), ("Jurors", False)]
)
TRUE_STATEMENT = true_false("Records matter.", True)
FALSE_STATEMENT = true_false("The specialist is a therapist.", False)


# Reading the pool ------------------------------------------------------------


def test_pool_reads_every_question_type_with_its_answer_key():
    # Given a quiz with one question of each type
    # When its pool is read
    single, multiple, tf = pool_of(default_questions())

    # Then each has its type, prompt, choices and correct choice ids
    assert (single["type"], multiple["type"], tf["type"]) == (
        "single",
        "multiple",
        "true_false",
    )
    assert single["prompt"] == SINGLE_PROMPT
    assert single["correct"] == choice_ids(single, "Defense counsel")
    assert sorted(multiple["correct"]) == sorted(
        choice_ids(multiple, "School records", "Medical records")
    )
    assert [c["text"] for c in tf["choices"]] == ["True", "False"]
    assert tf["correct"] == ["false"]
    assert "EXPLAIN-SINGLE" in single["explanation"]


def test_explanations_are_read_for_every_question_type_and_absent_ones_stay_empty():
    # Given a quiz with explained questions of each type and unexplained ones
    explained = [
        single_choice("Who directs?", [("Counsel", True), ("Jury", False)], "E-1"),
        true_false("Records matter.", True, "E-2"),
    ]

    # When its pool is read
    pool_read = pool_of([*explained, SINGLE, TRUE_STATEMENT])

    # Then each explanation belongs to its question, and none is made up
    assert [q["explanation"] for q in pool_read] == ["<p>E-1</p>", "<p>E-2</p>", "", ""]


def test_every_question_after_a_true_false_one_is_read_with_its_own_id():
    # Given a quiz where true/false statements come first and in a row
    questions = [TRUE_STATEMENT, FALSE_STATEMENT, SINGLE, MULTIPLE]

    # When its pool is read
    pool_read = pool_of(questions)

    # Then all four are there, in order, each with a distinct id
    assert [q["prompt"] for q in pool_read] == [
        "Records matter.",
        "The specialist is a therapist.",
        "Who directs?",
        "Which sources?",
    ]
    assert len({q["id"] for q in pool_read}) == 4


def test_two_true_false_statements_are_graded_separately():
    # Given two statements, one true and one false, answered "True" and "False"
    first, second = snapshot_of([TRUE_STATEMENT, FALSE_STATEMENT])
    answers = {first["id"]: ["true"], second["id"]: ["false"]}

    # When graded, then both are right: one answer never overwrites the other
    assert grading.grade([first, second], answers).correct == 2


def test_public_questions_carry_no_answer_key_or_explanation():
    # Given an attempt's snapshot
    snapshot = snapshot_of(default_questions())

    # When it is made public for the form
    public = grading.public_questions(snapshot)

    # Then only ids, types, prompts and choice texts remain
    for question in public:
        assert set(question) == {"id", "type", "prompt", "choices"}
        for choice in question["choices"]:
            assert set(choice) == {"id", "text"}
    assert "EXPLAIN" not in repr(public)
    assert "correct" not in repr(public)


# One question of each type ---------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("Counsel",), True),
        (("Prosecutor",), False),
        ((), False),  # no answer
        (("Counsel", "Prosecutor"), False),  # two answers to a single choice
    ],
    ids=["right", "wrong", "no-answer", "extra-choice"],
)
def test_single_choice_is_graded_all_or_nothing(texts, expected):
    assert grade_one(SINGLE, *texts) is expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("School", "Medical"), True),
        (("Medical", "School"), True),  # order does not matter
        (("School",), False),  # partially right counts as wrong
        (("School", "Medical", "Jurors"), False),  # every right one plus a wrong one
        (("Jurors",), False),
        ((), False),
    ],
    ids=["all-right", "any-order", "partial", "extra-wrong", "only-wrong", "none"],
)
def test_multiple_select_needs_exactly_the_correct_choices(texts, expected):
    assert grade_one(MULTIPLE, *texts) is expected


@pytest.mark.parametrize(
    ("question", "texts", "expected"),
    [
        (TRUE_STATEMENT, ("True",), True),
        (TRUE_STATEMENT, ("False",), False),
        (FALSE_STATEMENT, ("False",), True),
        (FALSE_STATEMENT, ("True",), False),
        (FALSE_STATEMENT, (), False),
        (FALSE_STATEMENT, ("True", "False"), False),
    ],
    ids=["true-true", "true-false", "false-false", "false-true", "none", "both"],
)
def test_true_false_is_graded(question, texts, expected):
    assert grade_one(question, *texts) is expected


def test_an_unknown_choice_makes_the_pure_grade_wrong():
    # The pure grader trusts its input; the service (below) cleans it first.
    [question] = snapshot_of([SINGLE])
    answers = {question["id"]: [*choice_ids(question, "Counsel"), "forged-id"]}
    assert grading.grade([question], answers).correct == 0


def test_grade_counts_right_questions_and_percent_rounds_down():
    # Given three questions, two answered right
    snapshot = snapshot_of([SINGLE, MULTIPLE, FALSE_STATEMENT])
    single, multiple, tf = snapshot
    answers = {
        single["id"]: choice_ids(single, "Counsel"),
        multiple["id"]: choice_ids(multiple, "School"),  # partial: wrong
        tf["id"]: ["false"],
    }

    # When graded
    result = grading.grade(snapshot, answers)

    # Then 2 of 3, 66% (never rounded up to 67)
    assert (result.correct, result.total, result.percent) == (2, 3, 66)
    assert result.results == {single["id"]: True, multiple["id"]: False, tf["id"]: True}


# Pass mark -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("correct", "total", "pass_mark", "passes"),
    [
        (7, 9, 78, False),  # 77.78% is below 78%: no rounding up
        (7, 9, 77, True),
        (4, 5, 80, True),  # exactly the pass mark passes
        (3, 4, 76, False),
        (3, 4, 75, True),
        (9, 9, 100, True),
        (1, 1, 100, True),  # a one-question quiz answered right passes
        (0, 1, 1, False),
        (8, 9, 100, False),
        (0, 0, 1, False),  # an empty attempt never passes
    ],
)
def test_pass_mark_is_compared_in_integers(correct, total, pass_mark, passes):
    result = grading.Grade(correct=correct, total=total, results={})
    assert result.passes(pass_mark) is passes


def test_seven_of_nine_fails_a_78_percent_quiz_end_to_end(course, module, learner):
    # Given a nine-question quiz with a pass mark of 78%
    quiz = QuizPageFactory(parent=module, questions=pool(9), pass_mark=78)
    attempt = quiz_attempt_start(user=learner, quiz=quiz, course=course)

    # When the learner answers seven right
    chosen = {f"Question {n}?": [f"Right {n}"] for n in range(1, 8)}
    chosen |= {"Question 8?": ["Wrong 8a"], "Question 9?": ["Wrong 9a"]}
    attempt = quiz_attempt_submit(
        attempt=attempt, answers=answers_by_prompt(attempt, chosen)
    )

    # Then the attempt records 7 of 9, 77%, not passed
    attempt.refresh_from_db()
    assert (attempt.correct_count, attempt.question_count) == (7, 9)
    assert attempt.score_percent == 77
    assert attempt.passed is False


# Answers outside the attempt -------------------------------------------------


def test_choices_and_questions_outside_the_attempt_are_ignored(course, module, learner):
    # Given an open attempt at the default quiz
    quiz = QuizPageFactory(parent=module)
    attempt = quiz_attempt_start(user=learner, quiz=quiz, course=course)
    answers = answers_by_prompt(
        attempt,
        {
            SINGLE_PROMPT: ["Defense counsel"],
            MULTIPLE_PROMPT: ["School records", "Medical records"],
            TRUE_FALSE_PROMPT: ["False"],
        },
    )

    # When the answers also name a forged choice and a question not in the attempt
    for chosen in answers.values():
        chosen.append("not-a-choice-of-this-question")
    answers["not-a-question-of-this-attempt"] = ["anything"]
    attempt = quiz_attempt_submit(attempt=attempt, answers=answers)

    # Then the forged parts are dropped, the real answers graded, and stored clean
    attempt.refresh_from_db()
    assert attempt.correct_count == 3
    assert attempt.passed is True
    assert "not-a-question-of-this-attempt" not in attempt.answers
    assert "not-a-choice-of-this-question" not in repr(attempt.answers)


def test_no_answers_at_all_scores_zero(course, module, learner):
    quiz = QuizPageFactory(parent=module)
    attempt = quiz_attempt_start(user=learner, quiz=quiz, course=course)

    attempt = quiz_attempt_submit(attempt=attempt, answers={})

    assert (attempt.correct_count, attempt.score_percent, attempt.passed) == (
        0,
        0,
        False,
    )


# Draws: pools and shuffles ---------------------------------------------------

BIG_POOL = pool(20)


def draw(seed: int, **options) -> list[dict]:
    settings = {"shuffle_questions": True, "shuffle_choices": True, "draw_count": 0}
    return grading.draw(pool_of_big(), seed=seed, **(settings | options))


_big_pool_cache: list[dict] = []


def pool_of_big() -> list[dict]:
    if not _big_pool_cache:
        _big_pool_cache.extend(pool_of(BIG_POOL))
    return _big_pool_cache


def order(drawn: list[dict]) -> list[str]:
    return [q["prompt"] for q in drawn]


def test_the_same_seed_gives_the_same_draw():
    assert draw(1234, draw_count=8) == draw(1234, draw_count=8)
    assert draw(1234) == draw(1234)


def test_different_seeds_give_different_orders():
    # Twenty questions: two seeds giving the same order is a 1 in 20! chance.
    orders = {tuple(order(draw(seed))) for seed in range(5)}
    assert len(orders) == 5


def test_draw_without_shuffling_keeps_the_pool_order():
    drawn = draw(99, shuffle_questions=False, shuffle_choices=False)
    assert order(drawn) == order(pool_of_big())
    assert drawn == pool_of_big()


def test_shuffled_choices_are_the_same_choices_in_another_order():
    # Given a draw that shuffles choices
    drawn = {q["id"]: q for q in draw(7, shuffle_questions=False)}

    # Then each question keeps its choices and answer key, and some orders change
    changed = 0
    for original in pool_of_big():
        shuffled = drawn[original["id"]]
        assert sorted(shuffled["choices"], key=lambda c: c["id"]) == sorted(
            original["choices"], key=lambda c: c["id"]
        )
        assert shuffled["correct"] == original["correct"]
        changed += shuffled["choices"] != original["choices"]
    assert changed > 0


def test_true_false_choices_are_never_shuffled():
    tf_pool = pool_of([true_false(f"Statement {n}.", n % 2 == 0) for n in range(10)])
    for seed in range(5):
        drawn = grading.draw(
            tf_pool,
            seed=seed,
            shuffle_questions=True,
            shuffle_choices=True,
            draw_count=0,
        )
        assert all([c["id"] for c in q["choices"]] == ["true", "false"] for q in drawn)


@pytest.mark.parametrize("count", [1, 5, 19])
def test_draw_count_draws_that_many_distinct_questions_from_the_pool(count):
    pool_ids = {q["id"] for q in pool_of_big()}
    for seed in range(10):
        drawn = draw(seed, draw_count=count)
        ids = [q["id"] for q in drawn]
        assert len(ids) == count
        assert len(set(ids)) == count  # no duplicates
        assert set(ids) <= pool_ids


def test_draw_count_picks_different_questions_for_different_seeds():
    picks = {frozenset(q["id"] for q in draw(seed, draw_count=5)) for seed in range(5)}
    assert len(picks) > 1


def test_draw_count_without_shuffle_keeps_pool_order():
    position = {q["id"]: i for i, q in enumerate(pool_of_big())}
    drawn = draw(3, draw_count=6, shuffle_questions=False)
    positions = [position[q["id"]] for q in drawn]
    assert positions == sorted(positions)


@pytest.mark.parametrize("count", [20, 25])
def test_draw_count_of_the_pool_size_or_more_draws_everything(count):
    drawn = draw(5, draw_count=count)
    assert sorted(q["id"] for q in drawn) == sorted(q["id"] for q in pool_of_big())


def test_a_draw_count_of_the_pool_size_draws_as_if_there_were_none():
    # An instructor who sets the draw count to the pool size gives the quiz that
    # draws everything: the same questions in the same order for the same seed.
    for seed in range(5):
        assert draw(seed, draw_count=20) == draw(seed, draw_count=0)
        assert draw(seed, draw_count=20, shuffle_questions=False) == draw(
            seed, draw_count=0, shuffle_questions=False
        )


def test_a_stored_attempt_can_be_redrawn_from_its_seed(course, module, learner):
    # Given a quiz that draws and shuffles, and an attempt at it
    quiz = QuizPageFactory(
        parent=module,
        questions=pool(12),
        shuffle_questions=True,
        shuffle_choices=True,
        draw_count=5,
    )
    attempt = quiz_attempt_start(user=learner, quiz=quiz, course=course)

    # When the pool is drawn again with the attempt's stored seed
    redrawn = grading.draw(
        grading.pool_from_stream(quiz.questions),
        seed=attempt.seed,
        shuffle_questions=True,
        shuffle_choices=True,
        draw_count=5,
    )

    # Then it is exactly what the attempt stored
    stored = QuizAttempt.objects.get(pk=attempt.pk)
    assert redrawn == stored.snapshot
    assert stored.question_count == 5
