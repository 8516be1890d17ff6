"""Answers that look like real learners': a simple item-response model.

Each learner has an ability; each question a difficulty and a discrimination
(see ``tree.QuestionModel``). The chance of a right answer is the logistic of
``discrimination * (ability - difficulty)``; a wrong answer picks a
distractor by its weight, so one wrong answer is clearly the most chosen.
The snapshot is drawn with ``lessons.grading.draw`` and graded with
``lessons.grading.grade``, exactly as a real attempt is.
"""

from __future__ import annotations

import math
import random

from demo.scale.tree import QuestionModel, ScaleQuiz
from lessons import grading


def attempt_simulate(
    *, quiz: ScaleQuiz, ability: float, passed: bool, seed: int, rng: random.Random
) -> tuple[list[dict], dict[str, list[str]], grading.Grade]:
    """A snapshot, answers and grade for an attempt that passes (or fails)."""
    page = quiz.page
    snapshot = grading.draw(
        quiz.pool,
        seed=seed,
        shuffle_questions=page.shuffle_questions,
        shuffle_choices=page.shuffle_choices,
        draw_count=page.draw_count,
        draw_per_section=page.draw_per_section,
    )
    broken = {
        q["id"]: rng.random() < quiz.models[q["id"]].broken[0 if passed else 1]
        for q in snapshot
        if quiz.models[q["id"]].broken
    }
    for _ in range(25):
        answers = _answers(snapshot, quiz, ability, broken, rng)
        result = grading.grade(snapshot, answers)
        if result.passes(page.pass_mark) == passed:
            return snapshot, answers, result
    return _forced(snapshot, answers, quiz, page.pass_mark, passed, broken)


def _answers(snapshot, quiz, ability, broken, rng) -> dict[str, list[str]]:
    answers = {}
    for question in snapshot:
        qid, model = question["id"], quiz.models[question["id"]]
        if qid in broken:
            right = broken[qid]
            answers[qid] = (
                sorted(question["correct"]) if right else _wrong(question, model, rng)
            )
        elif rng.random() >= 0.01:  # 1 in 100 left blank
            answers[qid] = _answer(question, model, ability, rng)
    return answers


def _answer(
    question: dict, model: QuestionModel, ability: float, rng: random.Random
) -> list[str]:
    x = model.discrimination * (ability - model.difficulty)
    if rng.random() < 1 / (1 + math.exp(-x)):
        return sorted(question["correct"])
    return _wrong(question, model, rng)


def _wrong(question: dict, model: QuestionModel, rng: random.Random) -> list[str]:
    ids, weights = zip(*model.distractors, strict=True)
    distractor = rng.choices(ids, weights=weights)[0]
    correct = list(question["correct"])
    if question["type"] != "multiple":
        return [distractor]
    if rng.random() < 0.5:
        correct.remove(rng.choice(correct))
        return sorted(correct)
    return sorted([*correct, distractor])


def _forced(snapshot, answers, quiz, pass_mark, passed, broken):
    """Turn answers right (or wrong) one by one until the grade agrees."""
    rng = random.Random(len(answers))
    for question in snapshot:
        result = grading.grade(snapshot, answers)
        if result.passes(pass_mark) == passed:
            break
        qid = question["id"]
        if qid in broken:
            continue
        right = grading.is_right(question, answers.get(qid, []))
        if passed and not right:
            answers[qid] = sorted(question["correct"])
        elif not passed and right:
            answers[qid] = _wrong(question, quiz.models[qid], rng)
    return snapshot, answers, grading.grade(snapshot, answers)
