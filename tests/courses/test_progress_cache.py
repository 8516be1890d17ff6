"""A learner's enrollment and completions, read through their cache, never stale.

``courses.access.learner_progress`` keeps a learner's enrollment and
completions in the cache under their own generation (``accounts.user_cache``),
which every save or delete of those rows bumps. These tests warm it with a
page view, change the rows the way the services do, and read the lesson right
after, with no cache cleared by hand.
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.access import Reason, course_state, learner_progress
from courses.models import Enrollment, EnrollmentSource
from courses.services import enrollment_grant, enrollment_revoke
from lessons.services import item_complete, item_uncomplete
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _lesson_html(client, lesson) -> str:
    response = client.get(lesson.url)
    assert response.status_code in (200, 403)
    return response.content.decode()


def test_the_second_read_costs_no_query(enrolled_learner, course):
    learner_progress(enrolled_learner, course)

    with CaptureQueriesContext(connection) as ctx:
        enrollment, completed = learner_progress(enrolled_learner, course)

    assert ctx.captured_queries == []
    assert enrollment.user_id == enrolled_learner.pk
    assert completed == frozenset()


def test_a_revoked_enrollment_counts_at_once(
    enrolled_client, enrolled_learner, course, lesson
):
    # Given the learner read the lesson (their progress is now cached)
    assert "Mark complete" in _lesson_html(enrolled_client, lesson)

    # When their enrollment is revoked (a refund)
    enrollment_revoke(
        enrollment=Enrollment.objects.get(user=enrolled_learner), reason="Refunded"
    )

    # Then the next request refuses the lesson
    assert course_state(user=enrolled_learner, course=course).item(
        lesson.pk
    ).reason == (Reason.REVOKED)
    assert enrolled_client.get(lesson.url).status_code == 403


def test_a_new_enrollment_counts_at_once(learner, learner_client, course, lesson):
    assert learner_client.get(lesson.url).status_code == 403

    enrollment_grant(user=learner, course=course, source=EnrollmentSource.FREE)

    assert learner_client.get(lesson.url).status_code == 200


def test_completing_and_uncompleting_show_at_once(
    enrolled_client, enrolled_learner, course, lesson
):
    _lesson_html(enrolled_client, lesson)

    item_complete(user=enrolled_learner, page=lesson, course=course)
    assert "You have completed this lesson." in _lesson_html(enrolled_client, lesson)

    item_uncomplete(user=enrolled_learner, page=lesson)
    assert "You have completed this lesson." not in _lesson_html(
        enrolled_client, lesson
    )


def test_one_learners_change_leaves_another_cached(enrolled_learner, course, lesson):
    other = UserFactory(email="other@example.com")
    enrollment_grant(user=other, course=course, source=EnrollmentSource.FREE)
    learner_progress(enrolled_learner, course)
    learner_progress(other, course)

    item_complete(user=other, page=lesson, course=course)

    with CaptureQueriesContext(connection) as ctx:
        _, mine = learner_progress(enrolled_learner, course)
    assert ctx.captured_queries == []  # still cached: not theirs
    assert mine == frozenset()
    _, theirs = learner_progress(other, course)
    assert theirs == {lesson.pk}


def test_a_visitor_reads_nothing(course):
    from django.contrib.auth.models import AnonymousUser

    with CaptureQueriesContext(connection) as ctx:
        assert learner_progress(AnonymousUser(), course) == (None, frozenset())
    assert ctx.captured_queries == []


# The dashboard ---------------------------------------------------------------


def _dashboard(client) -> str:
    response = client.get("/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_dashboard_reads_nothing_when_warm(enrolled_client, course):
    _dashboard(enrolled_client)

    with CaptureQueriesContext(connection) as ctx:
        html = _dashboard(enrolled_client)

    assert course.title in html
    assert [q["sql"] for q in ctx.captured_queries] == []


def test_the_dashboard_shows_changes_at_once(
    enrolled_client, enrolled_learner, course, paid_course, lesson
):
    # Given a warm dashboard
    assert paid_course.title not in _dashboard(enrolled_client)

    # A new enrollment, a completion, a revocation and a renamed course show at once
    enrollment_grant(
        user=enrolled_learner, course=paid_course, source=EnrollmentSource.PURCHASE
    )
    assert paid_course.title in _dashboard(enrolled_client)

    item_complete(user=enrolled_learner, page=lesson, course=course)
    entry = enrolled_client.get("/dashboard/").context["courses"][-1]
    assert entry.enrollment.course_id == course.pk
    assert entry.progress.progress_done == 1

    enrollment_revoke(
        enrollment=Enrollment.objects.get(user=enrolled_learner, course=paid_course),
        reason="Refunded",
    )
    assert paid_course.title not in _dashboard(enrolled_client)

    course.title = "Mitigation, renamed"
    course.save_revision().publish()
    assert "Mitigation, renamed" in _dashboard(enrolled_client)
