"""A quiz answered by a known set of learners, for the insight tests.

``MATRIX`` is twelve learners' first attempts at a four-question quiz
(``pool(4)``: "Question n?" with "Right n", "Wrong na", "Wrong nb"). "R" is
the right answer, "a"/"b" a wrong one. Scores (of 4) and ranks, ties broken by
the earlier submission (learners submit in order):

    L1-L4   R a R R / R a R R / R a R R / R b R R     3  ranks 1-4  (top third)
    L5-L8   R a b R                                   2  ranks 5-8
    L9      a R R a                                   2  rank 9     (tie: later)
    L10-L11 a R b a                                   1  ranks 10-11
    L12     a b b a                                   0  rank 12

With 12 learners a third is 4: top = L1-L4, bottom = L9-L12.
"""

from __future__ import annotations

from lessons.services import quiz_attempt_start, quiz_attempt_submit
from tests.accounts.factories import UserFactory
from tests.lessons.quiz_factories import QuizPageFactory, answers_by_prompt, pool

MATRIX = [
    "RaRR",
    "RaRR",
    "RaRR",
    "RbRR",
    "RabR",
    "RabR",
    "RabR",
    "RabR",
    "aRRa",
    "aRba",
    "aRba",
    "abba",
]


def choice_text(question: int, letter: str) -> str:
    return f"Right {question}" if letter == "R" else f"Wrong {question}{letter}"


def answer(attempt, row: str):
    chosen = {
        f"Question {n}?": [choice_text(n, letter)]
        for n, letter in enumerate(row, start=1)
    }
    return quiz_attempt_submit(
        attempt=attempt, answers=answers_by_prompt(attempt, chosen)
    )


def answered_quiz(*, parent, course, rows=MATRIX, title="Records check", slug=None):
    """A quiz of ``pool(4)`` with one learner per row submitting that row."""
    quiz = QuizPageFactory(
        parent=parent,
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        questions=pool(4),
        attempts_allowed=0,
    )
    learners = []
    for number, row in enumerate(rows, start=1):
        user = UserFactory(email=f"{quiz.slug}-{number}@example.com")
        answer(quiz_attempt_start(user=user, quiz=quiz, course=course), row)
        learners.append(user)
    return quiz, learners
