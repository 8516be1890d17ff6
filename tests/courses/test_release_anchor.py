"""The drip schedule counts from the enrollment's anchor when the instructor
sets one, else from the day the learner enrolled."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

import pytest

from courses.access import Reason, course_state, item_access
from courses.models import Enrollment
from courses.services import enrollment_release_anchor_set
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
