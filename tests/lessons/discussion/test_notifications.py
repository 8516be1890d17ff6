"""Emails from the discussion pages: once, after commit, and only when wanted."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

import pytest

from tests.lessons.discussion.factories import (
    PostFactory,
    assistant,
    client_for,
    enrolled_in,
    notices,
    staff_member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(course):
    return enrolled_in(course, email="asker@example.com")


@pytest.fixture
def question(lesson, asker):
    return PostFactory(page=lesson, author=asker)


def reply(client, lesson, question, capture):
    url = reverse("discussion_post", args=[lesson.pk])
    data = {"parent": question.pk, "source": "Try a genogram.", "action": "post"}
    with capture(execute=True) as callbacks:
        response = client.post(url, data)
        assert mail.outbox == []  # nothing leaves before the commit
    assert response.status_code == 302
    return callbacks


def test_a_reply_tells_the_thread_author_once_after_commit(
    course, lesson, question, django_capture_on_commit_callbacks
):
    peer = client_for(enrolled_in(course, first_name="Rosa", last_name="Peerson"))

    callbacks = reply(peer, lesson, question, django_capture_on_commit_callbacks)

    assert len(notices(callbacks)) == 1
    assert [message.to for message in mail.outbox] == [["asker@example.com"]]
    body = mail.outbox[0].body
    assert "Rosa P." in body
    assert f"{lesson.url}#post-" in body
    assert "Try a genogram." not in body  # emails never carry the text


def test_no_reply_email_when_the_thread_author_turned_it_off(
    course, lesson, question, asker, django_capture_on_commit_callbacks
):
    asker.discussion_reply_notifications = False
    asker.save()
    peer = client_for(enrolled_in(course))

    reply(peer, lesson, question, django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_an_instructors_answer_tells_the_asker_once(
    lesson, question, django_capture_on_commit_callbacks
):
    instructor = client_for(staff_member(first_name="Dana", last_name="Reyes"))

    reply(instructor, lesson, question, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [["asker@example.com"]]
    assert "has an answer" in mail.outbox[0].subject


def test_no_answer_email_when_the_asker_turned_it_off(
    lesson, question, asker, django_capture_on_commit_callbacks
):
    asker.discussion_answer_notifications = False
    asker.save()

    reply(
        client_for(staff_member()), lesson, question, django_capture_on_commit_callbacks
    )

    assert mail.outbox == []


def test_replying_in_your_own_thread_sends_nothing(
    lesson, question, asker, django_capture_on_commit_callbacks
):
    reply(client_for(asker), lesson, question, django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_a_preview_sends_nothing(
    course, lesson, question, django_capture_on_commit_callbacks
):
    url = reverse("discussion_post", args=[lesson.pk])
    data = {"parent": question.pk, "source": "Draft", "action": "preview"}

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client_for(enrolled_in(course)).post(url, data)

    assert notices(callbacks) == []
    assert mail.outbox == []


def ask(client, lesson, capture, source="How do I start an intake?"):
    url = reverse("discussion_post", args=[lesson.pk])
    data = {"kind": "question", "source": source, "action": "post"}
    with capture(execute=True):
        response = client.post(url, data)
        assert mail.outbox == []  # nothing leaves before the commit
    assert response.status_code == 302


def test_a_new_question_tells_each_instructor_who_wants_it_once(
    course, lesson, asker, django_capture_on_commit_callbacks
):
    staff_member(email="dana@example.com")
    staff_member(email="quiet@example.com", discussion_question_notifications=False)
    staff_member(email="former@example.com", is_active=False)
    assistant(email="sam@example.com")  # assistants are not emailed on questions

    ask(client_for(asker), lesson, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [["dana@example.com"]]
    body = mail.outbox[0].body
    assert f"{lesson.url}#post-" in body
    assert reverse("discussion_unanswered:index") in body
    assert "How do I start an intake?" not in body  # emails never carry the text
    assert "asker@example.com" not in body  # nor the asker's address
