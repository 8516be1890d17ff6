"""Time on task: the lesson page's heartbeats (``lessons.time_heartbeat.
lesson_heartbeat`` behind ``lesson_time_heartbeat``): what each credits, the
throttle, and who may send one.

The frozen clock is ``test_time_on_task``'s.
"""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from courses.models import LessonTime
from courses.services import enrollment_revoke
from lessons.time_heartbeat import Beat, lesson_heartbeat
from lessons.time_on_task import HEARTBEAT_CAP_SECONDS
from tests.accounts.factories import UserFactory
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import QuizPageFactory
from tests.lessons.test_time_on_task import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def timed(course, module):
    """A 20-minute lesson of a course asking for half of each lesson's time."""
    course.lesson_time_percent = 50
    course.save()
    return LessonPageFactory(
        parent=module, title="Timed lesson", slug="timed", estimated_minutes=20
    )


def beat_url(page) -> str:
    return reverse("lesson_time_heartbeat", args=[page.pk])


# Heartbeats ------------------------------------------------------------------


@pytest.fixture
def opened(timed, enrolled_learner, enrolled_client):
    with at():
        enrolled_client.get(timed.url)
    return timed


def beat(client, page, visible, **delta):
    with at(**delta):
        return client.post(beat_url(page), {"seconds": str(visible)})


def seconds_of(user, page) -> int:
    return LessonTime.objects.get(user=user, page=page).seconds


def test_a_heartbeat_credits_at_most_the_time_since_the_previous_one(
    opened, enrolled_learner, enrolled_client
):
    # 30 seconds after opening, a page claiming 60 visible seconds
    response = beat(enrolled_client, opened, 60, seconds=30)

    assert response.status_code == 200
    assert response.json() == {"credited": 30, "lesson_seconds": 30}
    # 70 seconds later, claiming 50: all of them
    beat(enrolled_client, opened, 50, seconds=100)
    assert seconds_of(enrolled_learner, opened) == 80


def test_a_heartbeat_credits_at_most_two_minutes(
    opened, enrolled_learner, enrolled_client
):
    beat(enrolled_client, opened, 3600, hours=1)

    assert seconds_of(enrolled_learner, opened) == HEARTBEAT_CAP_SECONDS == 120


def test_a_hidden_tab_earns_nothing(opened, enrolled_learner, enrolled_client):
    beat(enrolled_client, opened, 0, minutes=10)

    assert seconds_of(enrolled_learner, opened) == 0


def test_heartbeats_are_written_at_most_once_a_minute(
    opened, enrolled_learner, enrolled_client
):
    first = beat(enrolled_client, opened, 60, minutes=1)
    second = beat(enrolled_client, opened, 30, minutes=1, seconds=30)
    third = beat(enrolled_client, opened, 60, minutes=2, seconds=1)

    assert (first.status_code, second.status_code, third.status_code) == (
        200,
        429,
        200,
    )
    # The second wrote nothing; the third credits the minute since the first
    assert seconds_of(enrolled_learner, opened) == 60 + 60


def test_a_heartbeat_runs_a_few_queries(opened, enrolled_client):
    with at(minutes=1), CaptureQueriesContext(connection) as ctx:
        response = enrolled_client.post(beat_url(opened), {"seconds": "60"})

    assert response.status_code == 200
    assert len(ctx.captured_queries) <= 5, [q["sql"] for q in ctx.captured_queries]


def test_an_anonymous_heartbeat_is_sent_to_log_in(opened, enrolled_learner):
    response = beat(Client(), opened, 60, minutes=1)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert seconds_of(enrolled_learner, opened) == 0


def test_a_heartbeat_of_a_learner_not_enrolled_is_refused(opened, learner_client):
    response = beat(learner_client, opened, 60, minutes=1)

    assert response.status_code == 404
    assert not LessonTime.objects.exclude(seconds=0).exists()


def test_a_heartbeat_after_the_enrollment_was_revoked_is_refused(
    opened, enrolled_learner, enrolled_client, course
):
    enrollment_revoke(enrollment=enrolled_learner.enrollments.get(), reason="Refund")

    response = beat(enrolled_client, opened, 60, minutes=1)

    assert response.status_code == 404
    assert seconds_of(enrolled_learner, opened) == 0


def test_a_heartbeat_for_a_page_that_is_not_an_opened_lesson_is_refused(
    module, timed, enrolled_client
):
    quiz = QuizPageFactory(parent=module, slug="check")
    enrolled_client.get(quiz.url)

    # A quiz, a lesson never opened, a module: a minute or more apart each
    for minutes, page in ((1, quiz), (3, timed), (5, module)):
        assert beat(enrolled_client, page, 60, minutes=minutes).status_code == 404
    assert not LessonTime.objects.exists()


def test_a_heartbeat_never_credits_a_lesson_another_learner_opened(opened):
    other = UserFactory(email="other@example.com")

    result = lesson_heartbeat(user=other, page_id=opened.pk, visible_seconds=60)

    assert result.beat == Beat.REFUSED
