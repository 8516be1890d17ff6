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

from courses.models import EnrollmentSource, ItemCompletion, LessonTime
from courses.services import enrollment_grant
from lessons.services import quiz_attempt_start, quiz_attempt_submit
from lessons.time_heartbeat import lesson_heartbeat
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


# A course that asks for no time ------------------------------------------------


def test_a_course_without_ce_hours_or_minimum_records_no_time(
    course, lesson, enrolled_learner, enrolled_client
):
    # Given the free course: no CE hours, no minimum (data we would not use
    # is not collected)
    assert not course.ce_hours and not course.measures_time_on_task

    # When the learner reads a lesson and marks it complete
    page = enrolled_client.get(lesson.url).content.decode()
    enrolled_client.post(complete_url(lesson), {"action": "complete"})

    # Then no time is recorded and the page sends no heartbeat
    assert completed(enrolled_learner, lesson)
    assert not LessonTime.objects.exists()
    assert "data-heartbeat-url" not in page
    assert "time_on_task.js" not in page


def test_a_ce_course_records_time_without_a_minimum(
    course, lesson, enrolled_learner, enrolled_client
):
    course.ce_hours = 2
    course.save()

    page = enrolled_client.get(lesson.url).content.decode()

    assert LessonTime.objects.filter(user=enrolled_learner, page=lesson).exists()
    assert "data-heartbeat-url" in page
