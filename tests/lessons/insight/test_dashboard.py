"""The lessons figures on the admin home: questions waiting, quizzes to review."""

from __future__ import annotations

import html

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lessons.insight.dashboard import lessons_figures
from tests.accounts.factories import UserFactory
from tests.lessons.discussion.admin_support import (
    assistant_make,
    learner_make,
    post_make,
)
from tests.lessons.insight.support import MATRIX, answered_quiz

HOME = "wagtailadmin_home"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _home(client) -> str:
    return " ".join(html.unescape(client.get(reverse(HOME)).content.decode()).split())


def test_the_figures_count_by_hand(lesson, module, course):
    asker = learner_make(course=course, email="asker@example.com")
    post_make(page=lesson, course=course, author=asker)
    post_make(page=lesson, course=course, author=asker)
    answered_quiz(parent=module, course=course, rows=MATRIX[:2], title="Quiz one")
    answered_quiz(parent=module, course=course, rows=MATRIX[:1], title="Quiz two")
    answered_quiz(parent=module, course=course, rows=[], title="Quiz three")

    waiting, quizzes = lessons_figures(assistant_make())

    assert (waiting.label, waiting.value) == ("Questions waiting for an answer", "2")
    assert waiting.url == reverse("discussion_unanswered:index")
    assert (quizzes.label, quizzes.value) == ("Quizzes to review", "2")
    assert quizzes.url == reverse("lessons_report_item_analysis")


def test_the_assistant_sees_the_panel(lesson, course):
    asker = learner_make(course=course, email="asker@example.com")
    post_make(page=lesson, course=course, author=asker)

    content = _home(_client(assistant_make()))

    assert "Discussion and quizzes" in content
    assert "Questions waiting for an answer" in content
    assert "Quizzes to review" in content


def test_staff_without_the_permissions_do_not(db):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))

    assert lessons_figures(editor) == []
    assert "Discussion and quizzes" not in _home(_client(editor))


def test_a_learner_never_reaches_the_admin_home(enrolled_client):
    response = enrolled_client.get(reverse(HOME))

    assert response.status_code == 302
    assert "Discussion and quizzes" not in response.content.decode()


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse(HOME)).status_code == 200
    return len(captured)


def test_the_home_query_count_does_not_grow(lesson, module, course):
    client = _client(assistant_make())
    asker = learner_make(course=course, email="asker@example.com")
    post_make(page=lesson, course=course, author=asker)
    answered_quiz(parent=module, course=course, rows=MATRIX[:1], title="Quiz one")
    client.get(reverse(HOME))  # first visit: one-off setup
    small = _queries(client)

    for n in range(5):
        post_make(page=lesson, course=course, author=asker, text=f"Question {n}")
    answered_quiz(parent=module, course=course, rows=MATRIX[:6], title="Quiz two")
    client.get(reverse(HOME))  # the new pages made the page caches refill once

    assert _queries(client) == small
