"""Moderating from the admin: each action changes the post, says what happened
and is recorded in Wagtail's log; refused without ``lessons.moderate_post``."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from lessons.discussion.admin import audit
from lessons.models import AuthorRole, Post, PostKind
from tests.courses.learner_admin_support import client_for, staff_with
from tests.lessons.discussion.admin_support import (
    assistant_make,
    instructor_make,
    learner_make,
    post_make,
    report_make,
)
from tests.lessons.discussion.factories import notices

REASON = "It names a real client; please ask again without the details."


@pytest.fixture
def asker(course):
    return learner_make(course=course, email="asker@example.com")


@pytest.fixture
def peer(course):
    return learner_make(course=course, email="peer@example.com", first_name="Pat")


@pytest.fixture
def question(lesson, course, asker, peer):
    post = post_make(page=lesson, course=course, author=asker, text="What now?")
    report_make(post=post, reporter=peer)
    return post


@pytest.fixture
def moderator(db):
    return instructor_make()


def _url(name, post):
    return reverse(f"discussion_posts:{name}", args=[post.pk])


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _log(post) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.for_instance(post).order_by("timestamp"))


def test_hide_with_a_reason(moderator, question):
    response = client_for(moderator).post(
        _url("hide", question), {"hide-reason": REASON}
    )

    assert response.status_code == 302
    assert response["Location"] == _url("inspect", question)
    question.refresh_from_db()
    assert question.hidden_at is not None
    assert question.moderation_reason == REASON
    assert question.moderated_by == moderator
    assert not question.reports.filter(resolved_at__isnull=True).exists()
    assert "is hidden from learners" in _messages(response)[0]
    [entry] = _log(question)
    assert entry.action == audit.HIDE and entry.user == moderator
    assert entry.data["reason"] == REASON
    assert REASON in entry.message and "Hidden from learners" in entry.message


def test_hide_without_a_reason_changes_nothing(moderator, question):
    response = client_for(moderator).post(_url("hide", question), {"hide-reason": ""})

    assert response.status_code == 200
    assert "Nothing was done" in _messages(response)[0]
    assert "This field is required" in response.content.decode()
    question.refresh_from_db()
    assert question.hidden_at is None
    assert _log(question) == []


def test_restore_with_a_reason(moderator, question):
    Post.objects.filter(pk=question.pk).update(hidden_at=timezone.now())

    response = client_for(moderator).post(
        _url("restore", question), {"restore-reason": "Checked: no real names."}
    )

    question.refresh_from_db()
    assert question.hidden_at is None
    assert question.moderation_reason == "Checked: no real names."
    assert "is shown again" in _messages(response)[0]
    assert [e.action for e in _log(question)] == [audit.RESTORE]


def test_dismiss_closes_the_reports_and_keeps_the_post(moderator, question):
    response = client_for(moderator).post(_url("dismiss", question))

    question.refresh_from_db()
    assert question.hidden_at is None
    assert not question.reports.filter(resolved_at__isnull=True).exists()
    assert "1 report(s) dismissed" in _messages(response)[0]
    [entry] = _log(question)
    assert entry.action == audit.DISMISS and entry.data["count"] == "1"


def test_answer_marks_answered_and_emails_the_asker_once_after_commit(
    moderator, question, asker, django_capture_on_commit_callbacks
):
    client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            _url("answer", question), {"answer-source": "Start with the **intake**."}
        )
        assert mail.outbox == []  # nothing leaves before the commit

    assert len(notices(callbacks)) == 1
    reply = Post.objects.get(parent=question)
    assert reply.author == moderator and reply.kind == PostKind.REPLY
    assert reply.author_role == AuthorRole.INSTRUCTOR
    assert reply.html == "<p>Start with the <strong>intake</strong>.</p>"
    question.refresh_from_db()
    assert question.answered_at is not None
    assert [m.to for m in mail.outbox] == [[asker.email]]
    assert "is posted under" in _messages(response)[0]
    assert [e.action for e in _log(question)] == [audit.ANSWER]


def test_answering_a_reply_answers_its_question(
    moderator, question, peer, lesson, course
):
    reply = post_make(
        page=lesson, course=course, author=peer, kind=PostKind.REPLY, parent=question
    )

    client_for(moderator).post(_url("answer", reply), {"answer-source": "Yes."})

    assert Post.objects.filter(parent=question, author=moderator).exists()
    question.refresh_from_db()
    assert question.answered_at is not None


def test_an_answer_too_long_is_refused_in_place(moderator, question, settings):
    settings.DISCUSSION_POST_MAX_LENGTH = 10

    response = client_for(moderator).post(
        _url("answer", question), {"answer-source": "An answer that runs on."}
    )

    assert response.status_code == 200
    assert "A post can be at most 10 characters; this one has 23." in (
        response.content.decode()
    )
    assert not Post.objects.filter(parent=question).exists()
    assert _log(question) == []


def test_mark_answered_and_not_answered(moderator, question):
    client = client_for(moderator)

    client.post(_url("mark_answered", question), {"mark-answered": "1"})
    question.refresh_from_db()
    assert question.answered_at is not None

    response = client.post(_url("mark_answered", question), {"mark-answered": "0"})
    question.refresh_from_db()
    assert question.answered_at is None
    assert "marked not answered" in _messages(response)[-1]
    assert [e.action for e in _log(question)] == [
        audit.MARK_ANSWERED,
        audit.MARK_UNANSWERED,
    ]


def test_an_assistant_can_moderate(question):
    response = client_for(assistant_make()).post(
        _url("hide", question), {"hide-reason": REASON}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.hidden_at is not None


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("hide", {"hide-reason": REASON}),
        ("restore", {"restore-reason": REASON}),
        ("dismiss", {}),
        ("answer", {"answer-source": "An answer."}),
        ("mark_answered", {"mark-answered": "1"}),
    ],
)
def test_admin_access_without_the_permission_cannot_act(question, name, data):
    client = client_for(staff_with("lessons.view_post"))

    response = client.post(_url(name, question), data)

    assert response.status_code == 403
    question.refresh_from_db()
    assert question.hidden_at is None and question.answered_at is None
    assert question.reports.filter(resolved_at__isnull=True).count() == 1
    assert not Post.objects.filter(parent=question).exists()
    assert _log(question) == []


def test_actions_answer_only_to_post(moderator, question):
    assert client_for(moderator).get(_url("hide", question)).status_code == 405


# Erase: the text is deleted, not only hidden ------------------------------------


def test_erasing_deletes_the_text_hides_the_post_and_tells_the_author(
    moderator, question, asker
):
    response = client_for(moderator).post(
        _url("erase", question), {"erase-reason": REASON, "erase-confirm": "on"}
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.source, question.html) == ("", "")
    assert question.hidden_at is not None
    assert question.moderation_reason == REASON
    assert not question.reports.filter(resolved_at__isnull=True).exists()
    assert "erased for good" in _messages(response)[0]
    [entry] = _log(question)
    assert entry.action == audit.ERASE and entry.data["reason"] == REASON
    # The author sees the reason and that the text is gone; it cannot come back.
    page = client_for(asker).get(question.page.url).content.decode()
    assert REASON in page and "erased the text" in page
    refused = client_for(moderator).post(
        _url("restore", question), {"restore-reason": "Oops."}
    )
    question.refresh_from_db()
    assert question.hidden_at is not None
    assert refused.status_code == 302 and "nothing to show" in _messages(refused)[0]


def test_erasing_without_the_confirmation_changes_nothing(moderator, question):
    response = client_for(moderator).post(
        _url("erase", question), {"erase-reason": REASON}
    )

    assert response.status_code == 200
    question.refresh_from_db()
    assert question.source == "What now?" and question.hidden_at is None
    assert _log(question) == []
