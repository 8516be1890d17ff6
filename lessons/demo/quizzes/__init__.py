"""The demo academy's quizzes: a knowledge check per module and the post-test.

One file per quiz. Questions are written with small builders that return a
``(block_name, value)`` tuple in the shape ``QuizQuestionsBlock`` stores::

    single(
        "Who directs the defense?",
        [ok("Defense counsel"), "The prosecutor", "The judge"],
        "The attorney is responsible for the defense and decides its strategy.",
    )

A choice wrapped in ``ok()`` is correct; a plain string is not. Choices keep
the order they are written in (the quizzes shuffle them for learners). Every
answer is found in the lesson text of the module it tests; the explanation
says where.

``knowledge_check()`` and ``post_test()`` wrap the questions in a QuizPage
spec for the loader, with the grading settings and an intro that states them.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from lessons.demo import people
from lessons.demo.markup import rich

Question = tuple[str, dict]

KNOWLEDGE_CHECK_SLUG = "knowledge-check"
POST_TEST_SLUG = "post-test"
KNOWLEDGE_CHECK_PASS_MARK = 80
POST_TEST_PASS_MARK = 75
POST_TEST_ATTEMPTS = 3
POST_TEST_DRAW = 15
AUTHOR_CREDENTIALS = f"{people.INSTRUCTOR['name']}, {people.INSTRUCTOR['credentials']}"

_NUMBERS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
}


@dataclass(frozen=True)
class Correct:
    """A correct choice (see ``ok``)."""

    text: str


def ok(text: str) -> Correct:
    """Mark a choice as correct."""
    return Correct(text)


def _choices(choices: list[str | Correct]) -> list[dict]:
    return [
        {
            "text": choice.text if isinstance(choice, Correct) else choice,
            "is_correct": isinstance(choice, Correct),
        }
        for choice in choices
    ]


def single(prompt: str, choices: list[str | Correct], why: str) -> Question:
    """A single-choice question: exactly one choice wrapped in ``ok()``."""
    return (
        "single_choice",
        {"prompt": prompt, "choices": _choices(choices), "explanation": rich(why)},
    )


def multiple(prompt: str, choices: list[str | Correct], why: str) -> Question:
    """A select-all-that-apply question: one or more choices in ``ok()``."""
    return (
        "multiple_select",
        {"prompt": prompt, "choices": _choices(choices), "explanation": rich(why)},
    )


def true_false(prompt: str, answer: bool, why: str) -> Question:
    """A statement that is true (``answer=True``) or false."""
    return (
        "true_false",
        {
            "prompt": prompt,
            "correct_answer": "true" if answer else "false",
            "explanation": rich(why),
        },
    )


def _number(n: int) -> str:
    return _NUMBERS.get(n, str(n))


def needed_to_pass(pass_mark: int, questions: int) -> int:
    """The fewest right answers that pass, as the grader counts (no rounding)."""
    return ceil(pass_mark * questions / 100)


_SELECT_ALL = (
    "A question that asks you to select all that apply counts only when you tick "
    "every correct answer and none of the others."
)


def knowledge_check(title: str, topic: str, questions: list[Question]) -> dict:
    """A module's knowledge check: 80% to pass, unlimited attempts, answers shown.

    ``title`` follows "Knowledge check: "; ``topic`` completes "…questions
    on" in the summary.
    """
    n = len(questions)
    need = needed_to_pass(KNOWLEDGE_CHECK_PASS_MARK, n)
    return {
        "title": f"Knowledge check: {title}",
        "slug": KNOWLEDGE_CHECK_SLUG,
        "summary": (
            f"{_number(n).capitalize()} questions on {topic}. Pass with "
            f"{KNOWLEDGE_CHECK_PASS_MARK}%; try as often as you like."
        ),
        "intro": rich(
            f"""
            {_number(n).capitalize()} questions on this module's lessons. You
            pass with {KNOWLEDGE_CHECK_PASS_MARK}%, that is at least
            {_number(need)} of {_number(n)} right, and you can try as often as
            you like. Passing marks the check complete.

            After each attempt you see which answers were right, with a short
            explanation of each. {_SELECT_ALL}
            """
        ),
        "questions": questions,
        "pass_mark": KNOWLEDGE_CHECK_PASS_MARK,
        "attempts_allowed": 0,
        "reveal_answers": "after_each",
        "shuffle_questions": False,
        "shuffle_choices": True,
        "draw_count": 0,
        "is_final_assessment": False,
        "author_credentials": AUTHOR_CREDENTIALS,
    }


def post_test(questions: list[Question]) -> dict:
    """The paid course's final assessment, as the CE rules need it."""
    pool = len(questions)
    need = needed_to_pass(POST_TEST_PASS_MARK, POST_TEST_DRAW)
    return {
        "title": "Final post-test",
        "slug": POST_TEST_SLUG,
        "summary": (
            f"The course's final assessment: {POST_TEST_DRAW} questions on all "
            f"nine modules. Pass with {POST_TEST_PASS_MARK}% to earn the CE "
            "certificate."
        ),
        "intro": rich(
            f"""
            The post-test covers all nine modules. Each attempt draws
            {_number(POST_TEST_DRAW)} questions at random from a pool of
            {_number(pool)}, and shows the questions and their answers in a
            random order, so no two attempts are quite alike.

            - <b>Pass mark:</b> {POST_TEST_PASS_MARK}%, that is at least
              {_number(need)} of the {_number(POST_TEST_DRAW)} questions right.
            - <b>Attempts:</b> {_number(POST_TEST_ATTEMPTS)}. Each one is
              recorded with its score. If you use them all without passing,
              contact your instructor.
            - <b>Answers:</b> the correct answers and their explanations are
              shown once you have passed, not before.
            - <b>Select all that apply:</b> such a question counts only when
              you tick every correct answer and none of the others.

            Passing the post-test is required for the course's CE certificate,
            which is issued once you have also completed the course evaluation.
            Questions and answer key by {AUTHOR_CREDENTIALS}.
            """
        ),
        "questions": questions,
        "pass_mark": POST_TEST_PASS_MARK,
        "attempts_allowed": POST_TEST_ATTEMPTS,
        "reveal_answers": "once_passed",
        "shuffle_questions": True,
        "shuffle_choices": True,
        "draw_count": POST_TEST_DRAW,
        "is_final_assessment": True,
        "author_credentials": AUTHOR_CREDENTIALS,
    }
