"""A page's cached posts (``posts_cache``) are current, and flags stay the reader's.

The posts under a lesson are kept in the cache under a generation that any
post, profile or user-name change bumps. Every change shows on the next
lesson view; the reader's own flags (edit, delete, report) are set per
request on the shared list and never leak to another reader.
"""

from __future__ import annotations

from django.urls import reverse

import pytest

from accounts.models import ClinicianProfile
from accounts.services import account_delete
from lessons.discussion.moderation import post_hide
from lessons.discussion.posts_cache import page_posts
from lessons.models import Post
from tests.lessons.discussion.factories import (
    PostFactory,
    assistant,
    client_for,
    enrolled_in,
    reply_to,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(course):
    return enrolled_in(
        course, email="asker@example.com", first_name="Ana", last_name="Asker"
    )


@pytest.fixture
def reader(course):
    return enrolled_in(
        course, email="reader@example.com", first_name="Rui", last_name="Reader"
    )


@pytest.fixture
def question(lesson, asker):
    return PostFactory(page=lesson, author=asker, source="What is an INITIAL-QUESTION?")


def _view(user, lesson) -> str:
    response = client_for(user).get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def _edit_link(post) -> str:
    return f'href="{reverse("discussion_post_edit", args=[post.pk])}"'


def _delete_link(post) -> str:
    return f'href="{reverse("discussion_post_delete", args=[post.pk])}"'


def test_a_new_post_shows_on_the_next_view(lesson, asker, reader, question):
    assert "INITIAL-QUESTION" in _view(reader, lesson)  # cached now

    response = client_for(asker).post(
        reverse("discussion_post", args=[lesson.pk]),
        {"kind": "question", "source": "A SECOND-QUESTION here", "action": "post"},
    )

    assert response.status_code == 302
    assert "SECOND-QUESTION" in _view(reader, lesson)


def test_a_reply_shows_on_the_next_view(lesson, asker, reader, question):
    _view(asker, lesson)

    reply_to(question, author=reader, source="A REPLY-TEXT for you")

    assert "REPLY-TEXT" in _view(asker, lesson)


def test_an_edit_shows_on_the_next_view(lesson, asker, reader, question):
    assert "INITIAL-QUESTION" in _view(reader, lesson)

    response = client_for(asker).post(
        reverse("discussion_post_edit", args=[question.pk]),
        {"source": "What is an EDITED-QUESTION?", "action": "post"},
    )

    assert response.status_code == 302
    html = _view(reader, lesson)
    assert "EDITED-QUESTION" in html
    assert "INITIAL-QUESTION" not in html


def test_a_hidden_post_disappears_on_the_next_view(course, lesson, reader, question):
    assert "INITIAL-QUESTION" in _view(reader, lesson)

    post_hide(moderator=assistant(), post=question, reason="It names a client.")

    assert "INITIAL-QUESTION" not in _view(reader, lesson)


def test_a_deleted_post_disappears_on_the_next_view(lesson, asker, reader, question):
    assert "INITIAL-QUESTION" in _view(reader, lesson)

    response = client_for(asker).post(
        reverse("discussion_post_delete", args=[question.pk])
    )

    assert response.status_code == 302
    assert "INITIAL-QUESTION" not in _view(reader, lesson)


def test_a_post_removed_from_the_database_disappears(lesson, reader, question):
    assert "INITIAL-QUESTION" in _view(reader, lesson)

    question.delete()

    assert "INITIAL-QUESTION" not in _view(reader, lesson)


def test_a_changed_name_shows_at_once(lesson, asker, reader, question):
    assert "Ana A." in _view(reader, lesson)

    asker.first_name = "Anabel"
    asker.save()
    assert "Anabel A." in _view(reader, lesson)

    ClinicianProfile.objects.create(user=asker, display_name="Dr. Asker")
    assert "Dr. Asker" in _view(reader, lesson)

    profile = ClinicianProfile.objects.get(user=asker)
    profile.display_name = "Ana the Mitigator"
    profile.save()
    html = _view(reader, lesson)
    assert "Ana the Mitigator" in html
    assert "Dr. Asker" not in html


def test_a_deleted_account_loses_its_name_at_once(lesson, asker, reader, question):
    # account_delete promises to clear the names; the discussion's display
    # name was left behind (fixed in accounts/services.py with this test).
    ClinicianProfile.objects.create(user=asker, display_name="Dr. Asker")
    assert "Dr. Asker" in _view(reader, lesson)

    account_delete(user=asker)

    html = _view(reader, lesson)
    assert "Dr. Asker" not in html
    assert "Ana A." not in html
    assert ClinicianProfile.objects.get(user=asker).display_name == ""


def test_readers_see_only_their_own_flags(lesson, asker, reader, question):
    answer = reply_to(question, author=reader, source="An ANSWER-TEXT")

    # Views alternate, so each is built from the list the other left cached.
    for _ in range(2):
        asker_html = _view(asker, lesson)
        reader_html = _view(reader, lesson)

        assert _edit_link(question) in asker_html
        assert _delete_link(question) in asker_html
        assert _edit_link(answer) not in asker_html
        assert _delete_link(answer) not in asker_html

        assert _edit_link(answer) in reader_html
        assert _delete_link(answer) in reader_html
        assert _edit_link(question) not in reader_html
        assert _delete_link(question) not in reader_html


def test_the_cached_list_carries_no_readers_flags(lesson, asker, reader, question):
    _view(asker, lesson)
    _view(reader, lesson)

    for post in page_posts(lesson.pk):
        assert not any(name.startswith("viewer_") for name in vars(post)), vars(post)


def test_the_second_view_reads_no_posts(lesson, reader, question):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(reader)
    client.get(lesson.url)

    with CaptureQueriesContext(connection) as ctx:
        assert "INITIAL-QUESTION" in client.get(lesson.url).content.decode()

    assert not [q for q in ctx if f'FROM "{Post._meta.db_table}"' in q["sql"]]
