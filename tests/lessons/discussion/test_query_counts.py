"""A lesson page costs the same SQL queries with 50 threads as with 2.

Threads carry replies by several authors (some with a display name in their
profile, some without, staff among them), a hidden post and a deleted one,
so every branch of the post template is drawn. Run with ``-s`` for counts.
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from accounts.models import ClinicianProfile
from lessons.models import AuthorRole
from tests.lessons.discussion.factories import (
    PostFactory,
    client_for,
    enrolled_in,
    reply_to,
    staff_member,
)
from tests.lessons.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


def _threads(page, count: int, authors: list, staff) -> None:
    for n in range(count):
        author = authors[n % len(authors)]
        thread = PostFactory(page=page, author=author, kind="question")
        reply_to(thread, author=authors[(n + 1) % len(authors)])
        reply_to(thread, author=staff, author_role=AuthorRole.INSTRUCTOR)
    first = PostFactory(page=page, author=authors[1], hidden_at=timezone.now())
    reply_to(first, author=authors[0])
    gone = PostFactory(page=page, author=authors[2], deleted_at=timezone.now())
    reply_to(gone, author=authors[0])


@pytest.fixture
def pages(course, module, enrolled_learner):
    authors = [enrolled_learner] + [
        enrolled_in(course, first_name=f"Ann{n}", last_name="Lee") for n in range(4)
    ]
    ClinicianProfile.objects.create(user=authors[1], display_name="Annie")
    staff = staff_member(first_name="Dana", last_name="Reyes")
    small = LessonPageFactory(parent=module, slug="two-threads")
    large = LessonPageFactory(parent=module, slug="fifty-threads")
    _threads(small, 2, authors, staff)
    _threads(large, 50, authors, staff)
    return {"small": small, "large": large, "staff": staff}


def _count(client, url: str) -> tuple[int, str, list[str]]:
    client.get(url)  # warm the site-root and content-type caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return (
        len(ctx.captured_queries),
        response.content.decode(),
        [q["sql"] for q in ctx.captured_queries],
    )


@pytest.mark.parametrize("reader", ["enrolled learner", "instructor"])
def test_fifty_threads_cost_what_two_cost(pages, enrolled_learner, reader):
    user = enrolled_learner if reader == "enrolled learner" else pages["staff"]
    client = client_for(user)

    small, small_html, small_sql = _count(client, pages["small"].url)
    large, large_html, large_sql = _count(client, pages["large"].url)

    print(f"\nlesson page as {reader}: {small} queries (2 threads), {large} (50)")
    assert large_html.count('class="discussion__thread"') >= 51  # really shown
    assert small_html.count('class="discussion__thread"') >= 3
    assert "Annie" in large_html and "Ann2 L." in large_html
    extra = [q for q in large_sql if q not in small_sql][:5]
    assert small == large, "\n".join(q[:300] for q in extra)
