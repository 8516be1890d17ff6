"""Course and lesson pages run a fixed number of queries whatever the course size.

A small course (1 module x 5 lessons) and a large one (5 modules x 10 lessons)
must cost the same number of SQL queries per page view.
"""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import EnrollmentSource
from courses.services import enrollment_grant
from tests.accounts.factories import UserFactory
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.lessons.factories import LessonPageFactory

SIZES = {"small": (1, 5), "large": (5, 10)}


def _build_course(course_index, slug: str, modules: int, lessons: int) -> dict:
    course = CoursePageFactory(parent=course_index, slug=slug)
    pages = {"course": course}
    for m in range(modules):
        module = ModulePageFactory(parent=course, slug=f"module-{m}")
        for n in range(lessons):
            lesson = LessonPageFactory(
                parent=module, slug=f"lesson-{n}", is_free_preview=(m == 0 and n == 0)
            )
            if m == 0 and n == 0:
                pages["preview"] = lesson
            elif m == 0 and n == 1:
                pages["lesson"] = lesson
    return pages


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """Count the queries of rendering: a visitor's second view would otherwise
    come from the page cache (core.page_cache), with none at all."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def courses(course_index):
    return {
        size: _build_course(course_index, f"course-{size}", *shape)
        for size, shape in SIZES.items()
    }


@pytest.fixture
def learner_in_both(courses):
    user = UserFactory(email="both@example.com")
    for pages in courses.values():
        enrollment_grant(
            user=user, course=pages["course"], source=EnrollmentSource.FREE
        )
    return user


def _queries(client: Client, url: str, expected_status: int) -> tuple[int, list[str]]:
    client.get(url)  # warm the site-root and content-type caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == expected_status, url
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]


def _diff(small: list[str], large: list[str]) -> str:
    extra = [q for q in large if q not in small] or large[len(small) :]
    return "\n".join(q[:300] for q in extra[:10])


CASES = [
    # (view, who, status, the most queries it may run with warm caches)
    ("course", "anonymous", 200, 2),
    ("course", "enrolled", 200, 5),
    ("preview", "anonymous", 200, 2),
    ("lesson", "anonymous", 403, 2),
    ("lesson", "enrolled", 200, 5),
]


@pytest.mark.parametrize(
    ("view", "who", "status", "most"),
    [pytest.param(*c, id=f"{c[0]}-{c[1]}") for c in CASES],
)
def test_query_count_does_not_grow_with_the_course(
    courses, learner_in_both, view, who, status, most
):
    # Given a small and a large course, and a visitor or an enrolled learner
    client = Client()
    if who == "enrolled":
        client.force_login(learner_in_both)

    # When the same page of each course is viewed
    counts = {}
    queries = {}
    for size, pages in courses.items():
        counts[size], queries[size] = _queries(client, pages[view].url, status)

    # Then both cost the same number of queries
    assert counts["small"] == counts["large"], (
        f"{view} page as {who}: {counts['small']} queries for "
        f"{SIZES['small']} (modules, lessons) vs {counts['large']} for "
        f"{SIZES['large']}. Extra queries:\n{_diff(queries['small'], queries['large'])}"
    )
    assert counts["large"] <= most, "\n".join(q[:200] for q in queries["large"])
    print(f"{view} page as {who}: {counts['small']} queries (both sizes)")
