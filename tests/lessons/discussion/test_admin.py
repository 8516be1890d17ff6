"""The discussion in the admin: the queue, the unanswered list, a post's page,
and what each role may see there. Actions: ``test_admin_actions.py``."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from lessons.models import Post, PostKind
from tests.courses.learner_admin_support import client_for, staff_with
from tests.lessons.discussion.admin_support import (
    assistant_make,
    instructor_make,
    learner_make,
    post_make,
    report_make,
)

QUEUE = "discussion_posts:index"
UNANSWERED = "discussion_unanswered:index"


@pytest.fixture
def asker(course):
    return learner_make(course=course, email="asker@example.com")


@pytest.fixture
def peer(course):
    return learner_make(course=course, email="peer@example.com", first_name="Pat")


@pytest.fixture
def staff_client(db):
    return client_for(instructor_make())


def _aged(post: Post, days: int) -> Post:
    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return post


def _listed(response) -> list[int]:
    return [post.pk for post in response.context["object_list"]]


def test_the_queue_lists_reported_posts_first_then_recent_ones(
    staff_client, lesson, course, asker, peer
):
    recent = post_make(page=lesson, course=course, author=asker, text="Recent one")
    reported = _aged(
        post_make(page=lesson, course=course, author=peer, text="Old, reported"), 30
    )
    report_make(post=reported, reporter=asker)
    old = _aged(post_make(page=lesson, course=course, author=asker, text="Old"), 30)

    response = staff_client.get(reverse(QUEUE))

    assert _listed(response) == [reported.pk, recent.pk]
    assert old.pk in _listed(staff_client.get(reverse(QUEUE), {"status": "all"}))


def test_the_queue_filters_by_state_kind_and_course(
    staff_client, lesson, course, asker, peer
):
    shown = post_make(page=lesson, course=course, author=asker)
    hidden = post_make(page=lesson, course=course, author=peer, kind=PostKind.COMMENT)
    Post.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    deleted = post_make(page=lesson, course=course, author=peer)
    Post.objects.filter(pk=deleted.pk).update(deleted_at=timezone.now(), html="")
    url = reverse(QUEUE)

    assert _listed(staff_client.get(url, {"status": "hidden"})) == [hidden.pk]
    assert _listed(staff_client.get(url, {"status": "deleted"})) == [deleted.pk]
    assert _listed(staff_client.get(url, {"status": "reported"})) == []
    assert _listed(staff_client.get(url, {"kind": "comment"})) == [hidden.pk]
    assert set(_listed(staff_client.get(url, {"course": course.pk}))) == {
        shown.pk,
        hidden.pk,
        deleted.pk,
    }


def test_a_queue_row_reads_as_a_document(staff_client, lesson, course, asker, peer):
    post = post_make(
        page=lesson,
        course=course,
        author=asker,
        text="Can I use **<b>records</b>** from the jail & the school?",
    )
    report_make(post=post, reporter=peer)

    content = staff_client.get(reverse(QUEUE)).content.decode()

    assert "Can I use &lt;b&gt;records&lt;/b&gt; from the jail &amp; the school?" in (
        content
    )
    assert "Maria G." in content and "asker@example.com" in content
    assert f'{lesson.url}#post-{post.pk}"' in content
    assert course.title in content
    assert reverse("discussion_posts:inspect", args=[post.pk]) in content
    assert "Not answered" in content
    assert "Post object" not in content and "<Post" not in content


def test_the_posts_page_shows_the_thread_reports_and_forms(
    staff_client, lesson, course, asker, peer
):
    question = post_make(page=lesson, course=course, author=asker, text="Question?")
    reply = post_make(
        page=lesson,
        course=course,
        author=peer,
        text="A *peer* reply",
        kind=PostKind.REPLY,
        parent=question,
    )
    report_make(post=reply, reporter=asker, reason="Off topic and rude")

    response = staff_client.get(reverse("discussion_posts:inspect", args=[reply.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<p>Question?</p>" in content and "<p>A <em>peer</em> reply</p>" in content
    assert "Off topic and rude" in content and "Maria G." in content
    for action in ("hide", "dismiss", "answer"):
        assert reverse(f"discussion_posts:{action}", args=[reply.pk]) in content
    assert reverse("discussion_posts:restore", args=[reply.pk]) not in content


def test_a_viewer_without_the_moderation_permission_sees_no_forms(
    lesson, course, asker
):
    post = post_make(page=lesson, course=course, author=asker)
    client = client_for(staff_with("lessons.view_post"))

    response = client.get(reverse("discussion_posts:inspect", args=[post.pk]))

    assert response.status_code == 200
    assert reverse("discussion_posts:hide", args=[post.pk]) not in (
        response.content.decode()
    )


def test_staff_without_the_view_permission_are_turned_away(lesson, course, asker):
    post = post_make(page=lesson, course=course, author=asker)
    client = client_for(staff_with())

    for url in (
        reverse(QUEUE),
        reverse(UNANSWERED),
        reverse("discussion_posts:inspect", args=[post.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_learners_never_reach_the_screens(client, lesson, course, asker):
    client.force_login(asker)

    response = client.get(reverse(QUEUE))

    assert response.status_code == 302
    assert "discussion" not in response["Location"].split("?")[0]


def test_unanswered_lists_open_questions_oldest_first(
    staff_client, lesson, course, asker, peer
):
    older = _aged(post_make(page=lesson, course=course, author=asker), 3)
    newer = post_make(page=lesson, course=course, author=peer)
    answered = post_make(page=lesson, course=course, author=peer)
    Post.objects.filter(pk=answered.pk).update(answered_at=timezone.now())
    hidden = post_make(page=lesson, course=course, author=peer)
    Post.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())
    deleted = post_make(page=lesson, course=course, author=peer)
    Post.objects.filter(pk=deleted.pk).update(deleted_at=timezone.now())
    post_make(page=lesson, course=course, author=peer, kind=PostKind.COMMENT)

    response = staff_client.get(reverse(UNANSWERED))

    assert _listed(response) == [older.pk, newer.pk]
    assert "3\xa0days waiting" in response.content.decode()


def test_the_menu_counts_the_unanswered_questions(staff_client, lesson, course, asker):
    post_make(page=lesson, course=course, author=asker)
    post_make(page=lesson, course=course, author=asker)

    content = staff_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Unanswered questions (2)" in content
    assert "Moderation queue" in content


def test_an_assistant_sees_the_screens(lesson, course, asker):
    post = post_make(page=lesson, course=course, author=asker)
    client = client_for(assistant_make())

    assert client.get(reverse(QUEUE)).status_code == 200
    assert client.get(reverse(UNANSWERED)).status_code == 200
    response = client.get(reverse("discussion_posts:inspect", args=[post.pk]))
    assert reverse("discussion_posts:answer", args=[post.pk]) in (
        response.content.decode()
    )


def _posts(count, *, lesson, course, asker, peer):
    for n in range(count):
        post = post_make(
            page=lesson, course=course, author=asker if n % 2 else peer, text=f"Q{n}"
        )
        if n % 3 == 0:
            report_make(post=post, reporter=peer if n % 2 else asker)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", [QUEUE, UNANSWERED])
def test_the_listings_cost_the_same_queries_for_3_and_30_posts(
    staff_client, lesson, course, asker, peer, name
):
    _posts(3, lesson=lesson, course=course, asker=asker, peer=peer)
    staff_client.get(reverse(name))  # warm caches (content types, site)
    few = _queries(staff_client, reverse(name))
    _posts(27, lesson=lesson, course=course, asker=asker, peer=peer)

    many = _queries(staff_client, reverse(name))

    assert many == few, f"{few} queries for 3 posts, {many} for 30"


def test_the_learners_page_lists_their_posts(staff_client, lesson, course, asker):
    post = post_make(page=lesson, course=course, author=asker, text="My *question*")

    response = staff_client.get(reverse("learners:inspect", args=[asker.pk]))

    content = response.content.decode()
    assert "My question" in content
    assert reverse("discussion_posts:inspect", args=[post.pk]) in content


def test_the_learners_page_has_no_posts_for_staff_who_cannot_read_them(
    lesson, course, asker
):
    post_make(page=lesson, course=course, author=asker, text="My question")
    client = client_for(staff_with("courses.view_enrollment"))

    response = client.get(reverse("learners:inspect", args=[asker.pk]))

    assert response.status_code == 200
    assert "My question" not in response.content.decode()
