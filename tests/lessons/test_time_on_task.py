"""Time on task: the lesson minimum before "Mark complete", heartbeats, and the
course minimum before the certificate.

The lesson (20 estimated minutes) belongs to a course asking for 50% of each
lesson's time: 10 minutes. Time is frozen with ``time_machine`` (the cache's
expiry, which throttles heartbeats, follows it too).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import time_machine

from courses.models import EnrollmentSource
from courses.services import enrollment_grant, enrollment_revoke
from lessons.models import ItemCompletion, LessonTime
from lessons.services import quiz_attempt_start, quiz_attempt_submit
from lessons.time_on_task import (
    HEARTBEAT_CAP_SECONDS,
    Beat,
    lesson_heartbeat,
)
from tests.accounts.factories import UserFactory
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import QuizPageFactory, right_answers

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(**delta) -> time_machine.travel:
    return time_machine.travel(T0 + timedelta(**delta), tick=False)


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


@pytest.fixture
def timed(course, module):
    """The free course asking for half of each lesson's estimated minutes."""
    course.lesson_time_percent = 50
    course.save()
    return LessonPageFactory(
        parent=module, title="Timed lesson", slug="timed", estimated_minutes=20
    )


def complete_url(lesson) -> str:
    return reverse("item_completion", args=[lesson.pk])


def beat_url(page) -> str:
    return reverse("lesson_time_heartbeat", args=[page.pk])


def completed(user, page) -> bool:
    return ItemCompletion.objects.filter(user=user, page_id=page.pk).exists()


# The lesson minimum ------------------------------------------------------------


def test_mark_complete_is_refused_before_the_lesson_minimum_with_the_time_left(
    timed, enrolled_learner, enrolled_client
):
    with at():
        enrolled_client.get(timed.url)  # first opened
    with at(minutes=4):
        response = enrolled_client.post(
            complete_url(timed), {"action": "complete"}, follow=True
        )

    assert not completed(enrolled_learner, timed)
    text = text_of(response)
    assert "Not yet: this course asks you to spend at least 10 min on this lesson" in (
        text
    )
    assert "About 6 min left." in text
    # The lesson page says what is left and why, and still offers the button
    assert "About 6 min left before you can mark it complete." in text
    assert "Mark complete" in text


def test_mark_complete_is_allowed_once_the_lesson_minimum_is_met(
    timed, enrolled_learner, enrolled_client
):
    with at():
        enrolled_client.get(timed.url)
    with at(minutes=10):
        enrolled_client.post(complete_url(timed), {"action": "complete"})

    assert completed(enrolled_learner, timed)


def test_without_javascript_a_lesson_counts_from_first_opened_to_completion(
    timed, enrolled_learner, enrolled_client
):
    with at():
        enrolled_client.get(timed.url)
    with at(minutes=13, seconds=20):
        enrolled_client.post(complete_url(timed), {"action": "complete"})

    row = LessonTime.objects.get(user=enrolled_learner, page=timed)
    assert row.first_opened_at == T0
    assert row.seconds == 13 * 60 + 20


def test_the_elapsed_time_is_capped_at_the_estimated_minutes(
    timed, enrolled_learner, enrolled_client
):
    with at():
        enrolled_client.get(timed.url)
    with at(hours=5):  # the tab stayed open over lunch
        enrolled_client.post(complete_url(timed), {"action": "complete"})

    assert LessonTime.objects.get(user=enrolled_learner, page=timed).seconds == 20 * 60


def test_with_heartbeats_only_their_time_counts_towards_the_lesson_minimum(
    timed, enrolled_learner, enrolled_client
):
    # Opened, then one heartbeat of a minute; the tab then sat hidden
    with at():
        enrolled_client.get(timed.url)
    with at(minutes=1):
        lesson_heartbeat(user=enrolled_learner, page_id=timed.pk, visible_seconds=60)
    with at(minutes=30):
        response = enrolled_client.post(
            complete_url(timed), {"action": "complete"}, follow=True
        )

    assert not completed(enrolled_learner, timed)
    assert "About 9 min left." in text_of(response)


def test_quizzes_are_not_subject_to_the_lesson_minimum(course, module, timed):
    course.lesson_time_percent = 100
    course.save()
    quiz = QuizPageFactory(parent=module, slug="check")
    user = UserFactory(email="quick@example.com")
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)

    attempt = quiz_attempt_start(user=user, quiz=quiz, course=course)
    quiz_attempt_submit(attempt=attempt, answers=right_answers(attempt))

    assert completed(user, quiz)


def test_a_course_without_minimums_completes_at_once(
    course, lesson, enrolled_learner, enrolled_client
):
    enrolled_client.get(lesson.url)
    enrolled_client.post(complete_url(lesson), {"action": "complete"})

    assert completed(enrolled_learner, lesson)


# First opened, and the warm lesson view ---------------------------------------


def test_the_first_view_records_when_the_lesson_was_first_opened(
    timed, enrolled_learner, enrolled_client
):
    with at():
        enrolled_client.get(timed.url)
    with at(minutes=5):
        enrolled_client.get(timed.url)

    row = LessonTime.objects.get(user=enrolled_learner, page=timed)
    assert row.first_opened_at == T0


def test_a_repeated_lesson_view_reads_no_time_row(timed, enrolled_client):
    # Given a lesson opened once (caches warm)
    enrolled_client.get(timed.url)
    enrolled_client.get(timed.url)

    # When it is viewed again
    with CaptureQueriesContext(connection) as ctx:
        response = enrolled_client.get(timed.url)

    # Then it runs no query at all (the first opening is in the learner's cache)
    assert response.status_code == 200
    assert [q["sql"] for q in ctx.captured_queries] == []


def test_a_visitor_viewing_a_free_preview_records_nothing(preview_lesson):
    Client().get(preview_lesson.url)

    assert not LessonTime.objects.exists()


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
