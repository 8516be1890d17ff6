"""Who receives an announcement: active learners of the course who want it."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.announcements.selectors import (
    announcement_recipient_count,
    announcement_recipients,
)

pytestmark = pytest.mark.django_db


def _emails(course) -> list[str]:
    return sorted(
        announcement_recipients(course=course).values_list("email", flat=True)
    )


def test_a_course_reaches_its_active_learners_who_want_it(school, course):
    assert _emails(course) == ["ana@example.com", "ben@example.com"]


def test_opted_out_revoked_and_inactive_learners_are_left_out(school, course):
    emails = _emails(course)

    assert "optout@example.com" not in emails
    assert "revoked@example.com" not in emails
    assert "inactive@example.com" not in emails


def test_another_course_reaches_only_its_own_learners(school, paid_course):
    assert _emails(paid_course) == ["ana@example.com", "cy@example.com"]


def test_every_course_reaches_each_person_once(school):
    # ana takes both courses: she is one recipient, not two
    assert _emails(None) == ["ana@example.com", "ben@example.com", "cy@example.com"]
    assert announcement_recipient_count(course=None) == 3


def test_staff_without_an_enrollment_receive_nothing(school, instructor, course):
    assert instructor.email not in _emails(None)


def test_the_count_is_one_query(school, course):
    with CaptureQueriesContext(connection) as queries:
        count = announcement_recipient_count(course=course)

    assert count == 2
    assert len(queries) == 1
