"""Posting Wagtail's page editor for a quiz the way the instructor's browser does.

Questions are the tuples of ``quiz_factories`` (``single_choice(...)``), turned
into the stream's form fields: each question a stream child, its answers a
list of rows, its explanation the rich-text editor's empty value.
"""

from __future__ import annotations

import uuid

from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from lessons.models import QuizPage
from tests.lessons.quiz_factories import Question


def _answers(choices: list[dict]) -> dict:
    rows = {
        str(index): {
            "value": {"text": choice["text"], "is_correct": choice["is_correct"] or ""},
            "deleted": "",
            "order": str(index),
            "id": str(uuid.uuid4()),
        }
        for index, choice in enumerate(choices)
    }
    return {**rows, "count": str(len(rows))}


def _question(question: Question) -> tuple[str, dict]:
    kind, value = question
    fields = {
        "prompt": value["prompt"],
        "explanation": rich_text(value.get("explanation", "")),
        "section": value.get("section", ""),
    }
    if "choices" in value:
        fields["choices"] = _answers(value["choices"])
    else:
        fields["correct_answer"] = value["correct_answer"]
    return kind, fields


def edit_quiz(
    client,
    quiz: QuizPage,
    *,
    questions: list[Question],
    draw_count: int = 0,
    draw_per_section: int = 0,
):
    """POST the page editor's form for ``quiz`` (publish), as the browser would."""
    data = nested_form_data(
        {
            "title": quiz.title,
            "slug": quiz.slug,
            "summary": quiz.summary,
            "intro": rich_text(""),
            "questions": streamfield([_question(q) for q in questions]),
            "pass_mark": str(quiz.pass_mark),
            "attempts_allowed": str(quiz.attempts_allowed),
            "draw_count": str(draw_count),
            "draw_per_section": str(draw_per_section),
            "reveal_answers": quiz.reveal_answers,
            "author_credentials": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[quiz.pk]), data)
