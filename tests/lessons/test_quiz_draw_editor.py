"""The instructor sets how a quiz draws its questions in Wagtail's page editor.

A quiz draws every question, a number from the whole pool, or a number from
each section; the editor refuses settings that cannot be drawn and says which
question or section to mend.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from lessons.models import QuizPage
from tests.lessons.quiz_editor import edit_quiz
from tests.lessons.quiz_factories import QuizPageFactory, pool, sectioned_pool

SIZES = {"Module 1: Records": 4, "Module 2: Ethics": 2, "Module 3: Interviews": 3}
BOTH = (
    "Draw from the whole pool or from each section, not both: set one of the two to 0."
)


def clean_errors(quiz: QuizPage) -> dict[str, list[str]]:
    try:
        quiz.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, questions=sectioned_pool(SIZES))


def with_settings(quiz, **settings) -> QuizPage:
    quiz = QuizPage.objects.get(pk=quiz.pk)
    for name, value in settings.items():
        setattr(quiz, name, value)
    return quiz


# The page's own checks -------------------------------------------------------


@pytest.mark.parametrize("per_section", [1, 2])
def test_a_draw_every_section_can_give_is_accepted(quiz, per_section):
    assert clean_errors(with_settings(quiz, draw_per_section=per_section)) == {}


def test_both_ways_of_drawing_at_once_are_refused_on_both_fields(quiz):
    errors = clean_errors(with_settings(quiz, draw_per_section=1, draw_count=5))
    assert errors["draw_count"] == [BOTH]
    assert errors["draw_per_section"] == [BOTH]


def test_a_section_with_too_few_questions_is_named(quiz):
    errors = clean_errors(with_settings(quiz, draw_per_section=3))
    assert errors == {
        "draw_per_section": [
            "The section “Module 2: Ethics” has 2 questions, fewer than the 3 "
            "drawn from each section: add questions to it or draw fewer."
        ]
    }


def test_every_short_section_is_named(quiz):
    errors = clean_errors(with_settings(quiz, draw_per_section=4))
    messages = errors["draw_per_section"]
    assert len(messages) == 2
    assert "“Module 2: Ethics” has 2 questions" in messages[0]
    assert "“Module 3: Interviews” has 3 questions" in messages[1]


def test_questions_without_a_section_are_named_by_number(module):
    questions = sectioned_pool({"Ethics": 2})
    questions[1:1] = pool(1)  # question 2 has no section
    questions += pool(1, prefix="Late")  # nor has question 4
    quiz = QuizPageFactory(parent=module, questions=questions)

    errors = clean_errors(with_settings(quiz, draw_per_section=1))

    assert errors == {
        "draw_per_section": [
            "To draw from each section, every question needs a section. Questions "
            "2, 4 have none: fill in their “Section” under Content."
        ]
    }


def test_questions_without_sections_are_fine_when_not_drawing_by_section(module):
    quiz = QuizPageFactory(parent=module, questions=pool(5))
    assert clean_errors(with_settings(quiz, draw_count=3)) == {}
    assert clean_errors(with_settings(quiz)) == {}


# The editor ------------------------------------------------------------------


def test_the_editor_shows_how_questions_are_drawn(instructor_client, quiz):
    response = instructor_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "How questions are drawn" in html
    assert 'name="draw_per_section"' in html
    assert 'name="draw_count"' in html
    assert "Draw this many questions at random from each section" in html
    # Each question's "Section" field is in the stream's block definitions.
    assert "Questions with the same section name form one section" in html


def test_the_editor_saves_a_draw_per_section(instructor_client, quiz):
    response = edit_quiz(
        instructor_client, quiz, questions=sectioned_pool(SIZES), draw_per_section=2
    )

    assert response.status_code == 302, response.context["form"].errors
    quiz.refresh_from_db()
    assert quiz.draw_per_section == 2
    assert [q.value["section"] for q in quiz.questions][3:5] == [
        "Module 1: Records",
        "Module 2: Ethics",
    ]
    assert quiz.questions_per_attempt == 6


def test_the_editor_refuses_a_short_section_and_names_it(instructor_client, quiz):
    response = edit_quiz(
        instructor_client, quiz, questions=sectioned_pool(SIZES), draw_per_section=3
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["draw_per_section"] == [
        "The section “Module 2: Ethics” has 2 questions, fewer than the 3 drawn "
        "from each section: add questions to it or draw fewer."
    ]
    quiz.refresh_from_db()
    assert quiz.draw_per_section == 0


def test_the_editor_refuses_both_ways_at_once(instructor_client, quiz):
    response = edit_quiz(
        instructor_client,
        quiz,
        questions=sectioned_pool(SIZES),
        draw_count=4,
        draw_per_section=1,
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["draw_count"] == [BOTH]
    assert errors["draw_per_section"] == [BOTH]
