"""Drawing and grading quiz attempts: pure functions, no database.

A draw turns the quiz's question pool into the attempt's snapshot: the
questions and choices as this learner sees them, with their text as it is
now, in the order a seeded random generator gives. The snapshot also keeps
the answer key; it never reaches the page before the attempt is submitted.

A quiz draws every question, a number from the whole pool (``draw_count``),
or a number from each section (``draw_per_section``): sections are the
questions sharing a section name, in the order each name first appears.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

TRUE_FALSE_CHOICES = [{"id": "true", "text": "True"}, {"id": "false", "text": "False"}]


def section_name(text: str | None) -> str:
    """A section name as typed, with runs of spaces made one: "" for none."""
    return " ".join((text or "").split())


def pool_from_stream(questions) -> list[dict]:
    """Read a ``QuizQuestionsBlock`` value into plain question dicts."""
    pool = []
    for block in questions:
        value = block.value
        explanation = str(value["explanation"]) if value.get("explanation") else ""
        section = section_name(value.get("section"))
        if block.block_type == "true_false":
            pool.append(
                {
                    "id": str(block.id),
                    "type": "true_false",
                    "prompt": value["prompt"],
                    "choices": [dict(c) for c in TRUE_FALSE_CHOICES],
                    "correct": [value["correct_answer"]],
                    "explanation": explanation,
                    "section": section,
                }
            )
            continue
        choices = [
            {"id": str(bound.id), "text": bound.value["text"]}
            for bound in value["choices"].bound_blocks
        ]
        correct = [
            str(bound.id)
            for bound in value["choices"].bound_blocks
            if bound.value["is_correct"]
        ]
        pool.append(
            {
                "id": str(block.id),
                "type": "single" if block.block_type == "single_choice" else "multiple",
                "prompt": value["prompt"],
                "choices": choices,
                "correct": correct,
                "explanation": explanation,
                "section": section,
            }
        )
    return pool


def sections(pool: list[dict]) -> dict[str, list[int]]:
    """Each section name (``""``: none) and its questions' positions in the pool,
    sections in the order their names first appear."""
    found: dict[str, list[int]] = {}
    for index, question in enumerate(pool):
        found.setdefault(question.get("section", ""), []).append(index)
    return found


def attempt_size(pool: list[dict], *, draw_count: int, draw_per_section: int) -> int:
    """How many questions ``draw`` gives with these settings."""
    if draw_per_section:
        return sum(min(draw_per_section, len(i)) for i in sections(pool).values())
    if draw_count:
        return min(draw_count, len(pool))
    return len(pool)


def draw(
    pool: list[dict],
    *,
    seed: int,
    shuffle_questions: bool,
    shuffle_choices: bool,
    draw_count: int,
    draw_per_section: int = 0,
) -> list[dict]:
    """The questions of one attempt. The same seed always gives the same draw.

    With ``draw_per_section``, that many questions from each section (all of a
    section that has fewer), ``draw_count`` aside; unshuffled, they come
    section by section, in pool order within each.
    """
    rng = random.Random(seed)
    indexed = list(enumerate(pool))
    if draw_per_section:
        indexed = [
            (index, pool[index])
            for positions in sections(pool).values()
            for index in sorted(
                rng.sample(positions, min(draw_per_section, len(positions)))
            )
        ]
        if shuffle_questions:
            rng.shuffle(indexed)
    elif draw_count and draw_count < len(indexed):
        indexed = rng.sample(indexed, draw_count)
        if not shuffle_questions:
            indexed.sort(key=lambda pair: pair[0])
    elif shuffle_questions:
        rng.shuffle(indexed)
    drawn = []
    for _index, question in indexed:
        question = {**question, "choices": [dict(c) for c in question["choices"]]}
        if shuffle_choices and question["type"] != "true_false":
            rng.shuffle(question["choices"])
        drawn.append(question)
    return drawn


def public_questions(snapshot: list[dict]) -> list[dict]:
    """The snapshot without the answer key or explanations: what the form shows."""
    return [
        {
            "id": q["id"],
            "type": q["type"],
            "prompt": q["prompt"],
            "choices": [{"id": c["id"], "text": c["text"]} for c in q["choices"]],
        }
        for q in snapshot
    ]


@dataclass(frozen=True)
class Grade:
    correct: int
    total: int
    results: dict[str, bool]

    @property
    def percent(self) -> int:
        return self.correct * 100 // self.total if self.total else 0

    def passes(self, pass_mark: int) -> bool:
        # Integers only: 7 of 9 against 78% is 700 >= 702, a fail, with no rounding.
        return self.total > 0 and self.correct * 100 >= pass_mark * self.total


def is_right(question: dict, given) -> bool:
    """The one rule, all or nothing: exactly the correct choices were chosen."""
    return set(given) == set(question["correct"])


def grade(snapshot: list[dict], answers: dict[str, list[str]]) -> Grade:
    """Each question right or wrong (``is_right``), and the total."""
    results = {
        question["id"]: is_right(question, answers.get(question["id"], []))
        for question in snapshot
    }
    return Grade(correct=sum(results.values()), total=len(snapshot), results=results)
