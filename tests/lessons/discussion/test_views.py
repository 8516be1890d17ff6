"""The learner's discussion views: post, reply, edit, delete, report, answered."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from lessons.discussion.moderation import post_hide
from lessons.models import AuthorRole, Post, PostKind, PostReport
from tests.lessons.discussion.factories import (
    PostFactory,
    assistant,
    client_for,
    enrolled_in,
    reply_to,
    staff_member,
)

pytestmark = pytest.mark.django_db


def post_url(page) -> str:
    return reverse("discussion_post", args=[page.pk])


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def peer(course):
    return enrolled_in(course, first_name="Rosa", last_name="Peerson")


@pytest.fixture
def question(lesson, enrolled_learner):
    return PostFactory(
        page=lesson, author=enrolled_learner, source="What is *mitigation*?"
    )


# Posting -------------------------------------------------------------------------


def test_an_enrolled_learner_posts_a_question(
    enrolled_client, enrolled_learner, lesson
):
    response = enrolled_client.post(
        post_url(lesson),
        {
            "kind": "question",
            "source": "How do I *start* an interview?",
            "action": "post",
        },
    )

    post = Post.objects.get()
    assert response.status_code == 302
    assert response.url == f"{lesson.url}#post-{post.pk}"
    assert said(response) == ["Your question has been posted."]
    assert (post.author, post.kind, post.page_id) == (
        enrolled_learner,
        "question",
        lesson.pk,
    )
    assert post.html == "<p>How do I <em>start</em> an interview?</p>"


def test_the_question_shows_under_the_lesson(enrolled_client, question, lesson):
    html = enrolled_client.get(lesson.url).content.decode()

    assert f'id="post-{question.pk}"' in html
    assert "What is <em>mitigation</em>?" in html
    assert 'aria-labelledby="discussion-heading"' in html


def test_a_comment_is_a_comment(enrolled_client, lesson):
    enrolled_client.post(
        post_url(lesson), {"kind": "comment", "source": "Thanks!", "action": "post"}
    )

    assert Post.objects.get().kind == PostKind.COMMENT


def test_a_peer_replies_to_a_thread(peer, question, lesson):
    response = client_for(peer).post(
        post_url(lesson),
        {"parent": question.pk, "source": "Start with the family.", "action": "post"},
    )

    reply = Post.objects.get(parent=question)
    assert response.url == f"{lesson.url}#post-{reply.pk}"
    assert reply.kind == PostKind.REPLY
    assert said(response) == ["Your reply has been posted."]
    question.refresh_from_db()
    assert question.answered_at is None  # a peer's reply does not answer


def test_the_author_is_shown_by_public_name_never_by_email(peer, question, lesson):
    reply_to(question, author=peer)

    html = client_for(peer).get(lesson.url).content.decode()

    assert "Rosa P." in html
    assert peer.email not in html
    assert question.author.email not in html


def test_a_moderators_reply_answers_the_question_and_is_badged(question, lesson):
    instructor = staff_member(first_name="Dana", last_name="Reyes")
    client = client_for(instructor)

    client.post(
        post_url(lesson),
        {"parent": question.pk, "source": "Begin with rapport.", "action": "post"},
    )

    reply = Post.objects.get(parent=question)
    assert reply.author_role == AuthorRole.INSTRUCTOR
    question.refresh_from_db()
    assert question.answered_at is not None
    html = client.get(lesson.url).content.decode()
    assert '<span class="badge badge--info">Instructor</span>' in html
    assert '<span class="badge badge--success">Answered</span>' in html


def test_an_assistants_reply_is_badged_assistant(question, lesson, enrolled_client):
    client_for(assistant()).post(
        post_url(lesson),
        {"parent": question.pk, "source": "See module 2.", "action": "post"},
    )

    html = enrolled_client.get(lesson.url).content.decode()
    assert '<span class="badge badge--info">Assistant</span>' in html


def test_a_reply_to_a_thread_of_another_lesson_is_refused(
    enrolled_client, module, lesson, enrolled_learner
):
    from tests.lessons.factories import LessonPageFactory

    other = LessonPageFactory(parent=module, slug="other")
    elsewhere = PostFactory(page=other, author=enrolled_learner)

    response = enrolled_client.post(
        post_url(lesson), {"parent": elsewhere.pk, "source": "Hi", "action": "post"}
    )

    assert response.status_code == 404
    assert not Post.objects.filter(parent=elsewhere).exists()


# Who may post -----------------------------------------------------------------------


def test_a_visitor_is_sent_to_log_in(client, lesson):
    response = client.post(post_url(lesson), {"source": "Hi", "kind": "comment"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Post.objects.exists()


@pytest.mark.parametrize("who", ["learner", "revoked_learner"])
def test_learners_without_an_active_enrollment_get_404(request, who, lesson):
    client = client_for(request.getfixturevalue(who))

    response = client.post(
        post_url(lesson), {"source": "Hi", "kind": "comment", "action": "post"}
    )

    assert response.status_code == 404
    assert not Post.objects.exists()


@pytest.mark.parametrize("who", ["learner", "revoked_learner"])
def test_learners_without_an_active_enrollment_never_see_posts(
    request, who, question, lesson, preview_lesson, enrolled_learner
):
    PostFactory(page=preview_lesson, author=enrolled_learner, source="PREVIEW-POST")
    client = client_for(request.getfixturevalue(who))

    assert "<em>mitigation</em>" not in client.get(lesson.url).content.decode()
    html = client.get(preview_lesson.url).content.decode()
    assert "PREVIEW-POST" not in html
    assert 'id="discussion"' not in html


def test_posting_is_post_only(enrolled_client, lesson):
    assert enrolled_client.get(post_url(lesson)).status_code == 405


def test_discussion_responses_are_private(enrolled_client, lesson):
    response = enrolled_client.post(
        post_url(lesson), {"kind": "comment", "source": "Hi", "action": "preview"}
    )

    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


# Own posts: edit, delete ------------------------------------------------------------


def edit_url(post) -> str:
    return reverse("discussion_post_edit", args=[post.pk])


def test_the_author_edits_within_the_window(enrolled_client, question, lesson):
    form = enrolled_client.get(edit_url(question))
    assert form.status_code == 200
    assert "What is *mitigation*?" in form.content.decode()

    response = enrolled_client.post(
        edit_url(question), {"source": "What is **mitigation**?", "action": "post"}
    )

    assert response.url == f"{lesson.url}#post-{question.pk}"
    assert said(response) == ["Your post has been changed."]
    question.refresh_from_db()
    assert question.html == "<p>What is <strong>mitigation</strong>?</p>"
    assert question.edited_at is not None
    assert "(edited)" in enrolled_client.get(lesson.url).content.decode()


def test_editing_after_the_window_is_refused(enrolled_client, question, lesson):
    later = timezone.now() + timedelta(minutes=16)
    with time_machine.travel(later, tick=False):
        page = enrolled_client.get(edit_url(question))
        response = enrolled_client.post(
            edit_url(question), {"source": "Changed", "action": "post"}
        )

    assert page.status_code == 302
    assert response.url == f"{lesson.url}#post-{question.pk}"
    assert "can no longer be edited" in said(response)[0]
    question.refresh_from_db()
    assert question.source == "What is *mitigation*?"


def test_nobody_edits_someone_elses_post(peer, question):
    client = client_for(peer)

    assert client.get(edit_url(question)).status_code == 404
    response = client.post(edit_url(question), {"source": "Mine now", "action": "post"})

    assert response.status_code == 404
    question.refresh_from_db()
    assert question.source == "What is *mitigation*?"


def test_the_author_deletes_and_the_replies_stay(
    enrolled_client, peer, question, lesson
):
    reply = reply_to(question, author=peer, source="A reply that stays")
    url = reverse("discussion_post_delete", args=[question.pk])
    assert "Delete your post?" in enrolled_client.get(url).content.decode()

    response = enrolled_client.post(url)

    assert said(response) == ["Your post has been deleted."]
    question.refresh_from_db()
    assert question.deleted_at is not None and question.source == ""
    html = client_for(peer).get(lesson.url).content.decode()
    assert "This post was deleted." in html
    assert "A reply that stays" in html
    assert f'id="post-{reply.pk}"' in html


def test_nobody_deletes_someone_elses_post(peer, question):
    response = client_for(peer).post(
        reverse("discussion_post_delete", args=[question.pk])
    )

    assert response.status_code == 404
    question.refresh_from_db()
    assert question.deleted_at is None


# Report, answered -------------------------------------------------------------------


def test_a_peer_reports_a_post_with_a_reason(peer, question, lesson):
    client = client_for(peer)
    url = reverse("discussion_post_report", args=[question.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"reason": "It names a real client."})

    assert response.url == f"{lesson.url}#post-{question.pk}"
    assert "The moderators have your report" in said(response)[0]
    report = PostReport.objects.get()
    assert (report.post, report.reporter, report.reason) == (
        question,
        peer,
        "It names a real client.",
    )


def test_a_second_report_says_it_was_already_sent(peer, question):
    client = client_for(peer)
    url = reverse("discussion_post_report", args=[question.pk])
    client.post(url, {"reason": "Off topic."})

    response = client.post(url, {"reason": "Off topic again."})

    assert response.status_code == 200
    assert "already reported" in response.content.decode()
    assert PostReport.objects.count() == 1


def test_nobody_reports_their_own_post(enrolled_client, question):
    url = reverse("discussion_post_report", args=[question.pk])

    assert enrolled_client.post(url, {"reason": "Mine"}).status_code == 404
    assert not PostReport.objects.exists()


def test_the_asker_marks_the_question_answered_and_back(enrolled_client, question):
    url = reverse("discussion_question_answered", args=[question.pk])

    response = enrolled_client.post(url, {"answered": "1"})
    question.refresh_from_db()
    assert question.answered_at is not None
    assert said(response) == ["The question is marked answered."]

    enrolled_client.post(url, {"answered": "0"})
    question.refresh_from_db()
    assert question.answered_at is None


def test_a_peer_cannot_mark_someone_elses_question(peer, question):
    url = reverse("discussion_question_answered", args=[question.pk])

    response = client_for(peer).post(url, {"answered": "1"})

    assert "Only the asker or a moderator" in said(response)[0]
    question.refresh_from_db()
    assert question.answered_at is None


def test_a_moderator_marks_a_question_answered(question):
    url = reverse("discussion_question_answered", args=[question.pk])

    client_for(assistant()).post(url, {"answered": "1"})

    question.refresh_from_db()
    assert question.answered_at is not None


# Hidden posts -----------------------------------------------------------------------


@pytest.fixture
def hidden(question):
    return post_hide(
        moderator=staff_member(), post=question, reason="It names a county jail."
    )


def test_a_hidden_post_is_gone_for_other_learners(peer, hidden, lesson):
    client = client_for(peer)

    html = client.get(lesson.url).content.decode()

    assert "<em>mitigation</em>" not in html
    assert f'id="post-{hidden.pk}"' not in html
    report = reverse("discussion_post_report", args=[hidden.pk])
    assert client.get(report).status_code == 404
    reply = {"parent": hidden.pk, "source": "Hi", "action": "post"}
    assert client.post(post_url(lesson), reply).status_code == 404


def test_the_author_sees_the_hidden_post_with_the_reason(
    enrolled_client, hidden, lesson
):
    html = enrolled_client.get(lesson.url).content.decode()

    assert "What is <em>mitigation</em>?" in html
    assert "Hidden by a moderator: It names a county jail." in html


def test_moderators_see_the_hidden_post_badged(hidden, lesson):
    html = client_for(assistant()).get(lesson.url).content.decode()

    assert "What is <em>mitigation</em>?" in html
    assert '<span class="badge badge--warning">Hidden</span>' in html
