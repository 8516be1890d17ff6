"""A quiz attempt's admin page reads as a marked paper, not as stored data."""

from __future__ import annotations

import csv
import html
import io

from django.urls import reverse

import pytest

from lessons.services import quiz_attempt_start, quiz_attempt_submit
from tests.lessons.quiz_factories import (
    MULTIPLE_PROMPT,
    SINGLE_PROMPT,
    TRUE_FALSE_PROMPT,
    QuizPageFactory,
    answers_by_prompt,
)


@pytest.fixture
def attempt(module, course, enrolled_learner):
    """Single choice right, multiple select half right (so wrong), true/false right."""
    enrolled_learner.first_name, enrolled_learner.last_name = "Maria", "Gómez"
    enrolled_learner.save()
    quiz = QuizPageFactory(parent=module, title="Records check", slug="records-check")
    attempt = quiz_attempt_start(user=enrolled_learner, quiz=quiz, course=course)
    answers = answers_by_prompt(
        attempt,
        {
            SINGLE_PROMPT: ["Defense counsel"],
            MULTIPLE_PROMPT: ["School records"],
            TRUE_FALSE_PROMPT: ["False"],
        },
    )
    return quiz_attempt_submit(attempt=attempt, answers=answers)


def _inspect(client, attempt) -> str:
    response = client.get(reverse("quiz_attempts:inspect", args=[attempt.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _main(content: str) -> str:
    """The page's main content, without the admin's own scripts and menus."""
    return " ".join(content.split('class="nice-padding"', 1)[1].split())


def test_inspect_shows_each_question_with_the_learners_choices(
    instructor_client, attempt
):
    content = _main(_inspect(instructor_client, attempt))

    assert "Records check, attempt 1" in content
    assert "Maria Gómez (enrolled@example.com)" in content
    assert "2 of 3 correct (66%)" in content
    assert SINGLE_PROMPT in content
    assert "Defense counsel</strong> — chosen by the learner, correct" in content
    assert "Medical records — correct answer, not chosen" in content
    assert "Answered incorrectly." in content
    assert content.count("Answered correctly.") == 2


def test_inspect_prints_no_python(instructor_client, attempt):
    content = _main(_inspect(instructor_client, attempt))

    for python in ("[{", "{'", "'id'", "None", "True,", "'correct'"):
        assert python not in content


def test_the_list_names_the_learner(instructor_client, attempt):
    response = instructor_client.get(reverse("quiz_attempts:index"))

    content = html.unescape(response.content.decode())
    assert "Maria Gómez (enrolled@example.com)" in content


def test_the_export_reads_in_words(instructor_client, attempt):
    response = instructor_client.get(reverse("quiz_attempts:index"), {"export": "csv"})

    body = b"".join(response.streaming_content).decode("utf-8")
    (row,) = csv.DictReader(io.StringIO(body))
    assert row["Learner"] == "Maria Gómez (enrolled@example.com)"
    assert row["Quiz"] == "Records check"
    assert row["Score (%)"] == "66"
    assert row["Passed"] == "no"
    assert "+00:00" not in row["Submitted at"]
