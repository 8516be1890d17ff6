"""Every page a visitor can reach, and a helper that tells hits from misses.

The tree (tests/conftest.py) plus a free-preview quiz, a gated quiz and a
policy page:

    HomePage /
    ├── CourseIndexPage /courses/
    │   ├── CoursePage (free) /courses/mitigation-101/
    │   │   └── ModulePage /courses/mitigation-101/start/
    │   │       ├── LessonPage (free preview) …/welcome/
    │   │       ├── LessonPage (gated)        …/history/
    │   │       ├── QuizPage (free preview)   …/check/
    │   │       └── QuizPage (gated)          …/final/
    │   └── CoursePage (paid) /courses/foundations/
    └── ContentPage /privacy/
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from core.models import ContentPage
from core.page_cache import HEADER
from tests.lessons.quiz_factories import QuizPageFactory

# The pages a visitor may read, each the same for every visitor.
CACHED = [
    "home",
    "catalog",
    "free course",
    "paid course",
    "module",
    "preview lesson",
    "preview quiz",
    "policy page",
]


@pytest.fixture
def preview_quiz(module):
    return QuizPageFactory(
        parent=module, title="Quick check", slug="check", is_free_preview=True
    )


@pytest.fixture
def gated_quiz(module):
    return QuizPageFactory(parent=module, title="Final assessment", slug="final")


@pytest.fixture
def policy_page(home_page):
    page = home_page.add_child(
        instance=ContentPage(
            title="Privacy", slug="privacy", summary="What we keep about you."
        )
    )
    return page


@pytest.fixture
def urls(
    home_page,
    course_index,
    course,
    paid_course,
    module,
    preview_lesson,
    lesson,
    preview_quiz,
    gated_quiz,
    policy_page,
) -> dict[str, str]:
    return {
        "home": home_page.url,
        "catalog": course_index.url,
        "free course": course.url,
        "paid course": paid_course.url,
        "module": module.url,
        "preview lesson": preview_lesson.url,
        "preview quiz": preview_quiz.url,
        "policy page": policy_page.url,
        "gated lesson": lesson.url,
        "gated quiz": gated_quiz.url,
        "missing": "/no-such-page/",
    }


def cache_state(response) -> str | None:
    """``hit``, ``miss`` (rendered and stored) or None (not the cache's)."""
    return response.headers.get(HEADER)


def get_counting(client, url, **extra):
    """GET ``url``; return the response and the number of queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)
