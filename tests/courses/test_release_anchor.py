"""The drip schedule counts from the enrollment's anchor when the instructor
sets one, else from the day the learner enrolled."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

import pytest

from courses.access import (
    Reason,
    course_state,
    course_states_for_enrollments,
    item_access,
)
from courses.models import Enrollment, EnrollmentSource
from courses.services import enrollment_grant, enrollment_release_anchor_set
from tests.lessons.factories import LessonPageFactory


@pytest.fixture
def dripped(module):
    """A lesson that opens ten days after the learner's drip start."""
    return LessonPageFactory(parent=module, title="Week two", release_after_days=10)


def _anchor(user, course, days_from_today):
    enrollment = Enrollment.objects.get(user=user, course=course)
    enrollment_release_anchor_set(
        enrollment=enrollment,
        anchor_on=timezone.localdate() + timedelta(days=days_from_today),
    )


def test_without_an_anchor_drip_counts_from_enrolling(enrolled_learner, dripped):
    # A learner who enrolled today waits ten days
    decision = item_access(user=enrolled_learner, page=dripped)
    assert decision.reason == Reason.NOT_YET_RELEASED
    assert decision.item.opens_on == timezone.localdate() + timedelta(days=10)


def test_an_earlier_anchor_opens_the_item(enrolled_learner, course, dripped):
    # Given the drip start moved twenty days back
    _anchor(enrolled_learner, course, -20)

    # Then the lesson is open now
    assert item_access(user=enrolled_learner, page=dripped).reason == Reason.ENROLLED


def test_a_later_anchor_holds_the_item_back(enrolled_learner, course, dripped):
    # Given the lesson is open (anchor twenty days back) ...
    _anchor(enrolled_learner, course, -20)
    assert item_access(user=enrolled_learner, page=dripped).allowed

    # When the drip start moves five days ahead
    _anchor(enrolled_learner, course, 5)

    # Then the lesson waits until fifteen days from today
    decision = item_access(user=enrolled_learner, page=dripped)
    assert decision.reason == Reason.NOT_YET_RELEASED
    assert decision.item.opens_on == timezone.localdate() + timedelta(days=15)


def test_clearing_the_anchor_counts_from_enrolling_again(
    enrolled_learner, course, dripped
):
    _anchor(enrolled_learner, course, -20)
    enrollment = Enrollment.objects.get(user=enrolled_learner, course=course)
    enrollment_release_anchor_set(enrollment=enrollment, anchor_on=None)
    state = course_state(user=enrolled_learner, course=course)
    assert state.item(dripped.pk).reason == Reason.NOT_YET_RELEASED


# The dashboard and the learner admin read every enrollment's state at once ------


def _states(user, **today):
    enrollments = list(Enrollment.objects.filter(user=user).select_related("course"))
    return course_states_for_enrollments(user=user, enrollments=enrollments, **today)


def test_every_enrollment_at_once_holds_back_what_is_not_released_yet(
    enrolled_learner, course, dripped
):
    # Given a learner who enrolled today in a course with a lesson ten days out
    # When the states of all their enrollments are read at once (the dashboard)
    state = _states(enrolled_learner)[course.pk]

    # Then the lesson waits, as the lesson page says
    assert state.item(dripped.pk).reason == Reason.NOT_YET_RELEASED
    assert item_access(user=enrolled_learner, page=dripped).reason == (
        Reason.NOT_YET_RELEASED
    )


def test_every_enrollment_at_once_counts_from_the_day_it_is_asked_about(
    enrolled_learner, course, dripped
):
    # Asked about the tenth day, the lesson is open; about the ninth, it waits
    today = timezone.localdate()
    tenth = _states(enrolled_learner, today=today + timedelta(days=10))[course.pk]
    ninth = _states(enrolled_learner, today=today + timedelta(days=9))[course.pk]

    assert tenth.item(dripped.pk).reason == Reason.ENROLLED
    assert ninth.item(dripped.pk).reason == Reason.NOT_YET_RELEASED


def test_one_item_counts_from_the_day_it_is_asked_about(enrolled_learner, dripped):
    # Asked about the tenth day, the lesson is open; about the ninth, it waits
    today = timezone.localdate()
    tenth = item_access(
        user=enrolled_learner, page=dripped, today=today + timedelta(days=10)
    )
    ninth = item_access(
        user=enrolled_learner, page=dripped, today=today + timedelta(days=9)
    )

    assert tenth.reason == Reason.ENROLLED
    assert ninth.reason == Reason.NOT_YET_RELEASED


def test_an_enrolled_editor_sees_every_item_open_on_every_enrollment(
    editor, course, dripped
):
    # Given an editor (who may preview anything) enrolled like a learner
    enrollment_grant(user=editor, course=course, source=EnrollmentSource.FREE)

    # When the states of their enrollments are read at once
    state = _states(editor)[course.pk]

    # Then the lesson not released yet is open to them, as on the lesson page
    assert state.is_editor
    assert state.item(dripped.pk).reason == Reason.EDITOR
    assert item_access(user=editor, page=dripped).reason == Reason.EDITOR
