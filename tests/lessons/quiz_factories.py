"""Quizzes with known questions, and answers to their attempts.

Questions are written as an instructor would enter them, one tuple per block::

    single_choice("Who directs the work?", [("Defense counsel", True),
                                            ("The prosecutor", False)],
                  explanation="Counsel directs the defense team.")

``QuizPageFactory(parent=module, questions=[...])`` turns those tuples into the
StreamField's stored form, with a fresh id for every question and choice, as
the admin would save them. Page factories need ``parent=``.
"""

from __future__ import annotations

import html
import uuid

import factory
import wagtail_factories

from lessons.models import QuizAttempt, QuizPage

Question = tuple[str, dict]


def single_choice(
    prompt: str, choices: list[tuple[str, bool]], explanation: str = ""
) -> Question:
    return (
        "single_choice",
        {
            "prompt": prompt,
            "choices": [{"text": t, "is_correct": c} for t, c in choices],
            "explanation": f"<p>{explanation}</p>" if explanation else "",
        },
    )


def multiple_select(
    prompt: str, choices: list[tuple[str, bool]], explanation: str = ""
) -> Question:
    _kind, value = single_choice(prompt, choices, explanation)
    return ("multiple_select", value)


def true_false(prompt: str, answer: bool, explanation: str = "") -> Question:
    return (
        "true_false",
        {
            "prompt": prompt,
            "correct_answer": "true" if answer else "false",
            "explanation": f"<p>{explanation}</p>" if explanation else "",
        },
    )


def pool(size: int, prefix: str = "Question") -> list[Question]:
    """``size`` single-choice questions; the right answer is "Right <n>"."""
    return [
        single_choice(
            f"{prefix} {n}?",
            [(f"Right {n}", True), (f"Wrong {n}a", False), (f"Wrong {n}b", False)],
            explanation=f"Explanation {n}.",
        )
        for n in range(1, size + 1)
    ]


def in_section(question: Question, section: str) -> Question:
    """``question`` with its "Section" filled in."""
    kind, value = question
    return (kind, {**value, "section": section})


def sectioned_pool(sizes: dict[str, int]) -> list[Question]:
    """Single-choice questions, ``sizes[section]`` in each section, in order;
    prompts read "<section> <n>?"."""
    return [
        in_section(question, section)
        for section, size in sizes.items()
        for question in pool(size, prefix=section)
    ]


def stream_data(questions: list[Question]) -> list[dict]:
    """The stored (JSON) form of ``questions``, with ids on every block."""
    data = []
    for kind, value in questions:
        raw = {k: v for k, v in value.items() if k != "choices"}
        if "choices" in value:
            raw["choices"] = [
                {"type": "item", "value": dict(choice), "id": str(uuid.uuid4())}
                for choice in value["choices"]
            ]
        data.append({"type": kind, "value": raw, "id": str(uuid.uuid4())})
    return data


# The default quiz: one question of each type, every answer text unique.
SINGLE_PROMPT = "Who directs the mitigation specialist's work?"
MULTIPLE_PROMPT = "Which are record sources for a life history?"
TRUE_FALSE_PROMPT = "A mitigation specialist is the client's therapist."
EXPLANATIONS = {
    SINGLE_PROMPT: "EXPLAIN-SINGLE: counsel directs the defense team.",
    MULTIPLE_PROMPT: "EXPLAIN-MULTIPLE: school and medical records both count.",
    TRUE_FALSE_PROMPT: "EXPLAIN-TRUE-FALSE: the specialist gathers, not treats.",
}


def default_questions() -> list[Question]:
    return [
        single_choice(
            SINGLE_PROMPT,
            [("Defense counsel", True), ("The prosecutor", False)],
            EXPLANATIONS[SINGLE_PROMPT],
        ),
        multiple_select(
            MULTIPLE_PROMPT,
            [
                ("School records", True),
                ("Medical records", True),
                ("The juror list", False),
            ],
            EXPLANATIONS[MULTIPLE_PROMPT],
        ),
        true_false(TRUE_FALSE_PROMPT, False, EXPLANATIONS[TRUE_FALSE_PROMPT]),
    ]


class QuizPageFactory(wagtail_factories.PageFactory):
    """A quiz; ``questions`` is a list of the tuples above (default: one of each)."""

    title = factory.Sequence(lambda n: f"Quiz {n}")
    summary = factory.LazyAttribute(lambda o: f"Check what you learned in {o.title}.")
    questions = factory.LazyFunction(default_questions)
    pass_mark = 80
    reveal_answers = "after_each"

    class Meta:
        model = QuizPage

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        questions = kwargs.get("questions")
        if questions and isinstance(questions[0], tuple):
            kwargs["questions"] = stream_data(questions)
        return kwargs


# Answers ---------------------------------------------------------------------


def right_answers(attempt: QuizAttempt) -> dict[str, list[str]]:
    """Exactly the correct choices of every question in the attempt."""
    return {q["id"]: list(q["correct"]) for q in attempt.snapshot}


def wrong_answers(attempt: QuizAttempt) -> dict[str, list[str]]:
    """One wrong choice for every question in the attempt."""
    return {
        q["id"]: [next(c["id"] for c in q["choices"] if c["id"] not in q["correct"])]
        for q in attempt.snapshot
    }


def answers_by_prompt(
    attempt: QuizAttempt, chosen: dict[str, list[str]]
) -> dict[str, list[str]]:
    """Answers written as {prompt: [choice text, ...]}, turned into ids."""
    answers = {}
    for question in attempt.snapshot:
        if question["prompt"] in chosen:
            ids = {c["text"]: c["id"] for c in question["choices"]}
            answers[question["id"]] = [ids[t] for t in chosen[question["prompt"]]]
    return answers


def post_data(answers: dict[str, list[str]]) -> dict[str, list[str]]:
    """The form fields the quiz page posts for ``answers``."""
    return {f"q-{qid}": choices for qid, choices in answers.items()}


def content_of(response) -> str:
    """The response's HTML with entities decoded, so text compares as shown."""
    return html.unescape(response.content.decode())
