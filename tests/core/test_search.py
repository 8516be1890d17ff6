"""Search finds lessons by title and summary, never by what their bodies say."""

from __future__ import annotations

from wagtail.models import Page

import pytest

from tests.lessons.factories import LessonPageFactory, paragraph

BODY_WORD = "zygomorphic"
TITLE_WORD = "Sentencing"
SUMMARY_WORD = "chronology"


@pytest.fixture
def searchable_lesson(module):
    return LessonPageFactory(
        parent=module,
        slug="sentencing",
        title=f"{TITLE_WORD} phase interviews",
        summary=f"Building a {SUMMARY_WORD} of the client's life.",
        body=paragraph(f"Only enrolled learners read about {BODY_WORD} flowers."),
    )


def test_search_index_holds_no_lesson_body(searchable_lesson):
    # Given a lesson whose body has a word found nowhere else
    # When the index is searched for it
    results = Page.objects.live().public().search(BODY_WORD)

    # Then nothing is found
    assert list(results) == []


def test_search_index_finds_a_lesson_by_its_title(searchable_lesson):
    results = Page.objects.live().public().search(TITLE_WORD)

    assert searchable_lesson.pk in [page.pk for page in results]


def test_visitor_searching_a_body_word_finds_nothing(client, searchable_lesson):
    # Given a lesson whose body has a word found nowhere else
    # When a visitor searches for it
    response = client.get("/search/", {"q": BODY_WORD})

    # Then the results are empty and the lesson is not named
    assert response.status_code == 200
    assert len(response.context["results"]) == 0
    assert searchable_lesson.title not in response.content.decode()


@pytest.mark.parametrize("word", [TITLE_WORD, SUMMARY_WORD])
def test_visitor_finds_a_lesson_by_title_or_summary(client, searchable_lesson, word):
    # Given a lesson
    # When a visitor searches a word of its title or summary
    response = client.get("/search/", {"q": word})

    # Then the lesson is listed with its title and summary, never its body
    content = response.content.decode()
    assert response.status_code == 200
    assert searchable_lesson.pk in [page.pk for page in response.context["results"]]
    assert searchable_lesson.title in content
    assert searchable_lesson.summary.replace("'", "&#x27;") in content
    assert BODY_WORD not in content


def test_draft_lesson_is_not_found(client, module):
    LessonPageFactory(parent=module, slug="draft", title="Sentencing draft", live=False)

    response = client.get("/search/", {"q": "draft"})

    assert "Sentencing draft" not in response.content.decode()


def test_empty_query_lists_nothing(client, searchable_lesson):
    response = client.get("/search/", {"q": "  "})

    assert response.status_code == 200
    assert len(response.context["results"]) == 0
