"""``course_evaluation_submit``: the evaluation form's one write, all or nothing."""

from __future__ import annotations

import pytest

from accounts.models import ClinicianProfile
from courses.models import Certificate, CourseEvaluation
from courses.services import course_evaluation_submit
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    EVALUATION,
    PROFILE,
    ce_course_build,
    enroll,
    final_take,
    lessons_complete,
)


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def learner_done(ce):
    """Every item done, no profile yet, no evaluation."""
    user = UserFactory(email="done@example.com")
    enroll(user, ce)
    lessons_complete(user, ce)
    final_take(user, ce)
    return user


def test_profile_and_evaluation_issue_the_certificate(ce, learner_done):
    certificate = course_evaluation_submit(
        user=learner_done,
        course=ce.course,
        profile_data=PROFILE,
        evaluation_data=EVALUATION,
    )

    assert certificate is not None
    assert certificate.learner_name == PROFILE["name_on_certificate"]
    assert CourseEvaluation.objects.filter(enrollment__user=learner_done).count() == 1


def test_a_second_submit_returns_the_same_certificate(ce, learner_done):
    first = course_evaluation_submit(
        user=learner_done,
        course=ce.course,
        profile_data=PROFILE,
        evaluation_data=EVALUATION,
    )
    again = course_evaluation_submit(
        user=learner_done, course=ce.course, evaluation_data=EVALUATION
    )

    assert again == first
    assert Certificate.objects.filter(enrollment__user=learner_done).count() == 1


def test_a_failure_issuing_the_certificate_keeps_nothing(ce, learner_done, monkeypatch):
    import courses.services.evaluations

    def broken(**kwargs):
        raise RuntimeError("the PDF service is down")

    monkeypatch.setattr(
        courses.services.evaluations, "course_completion_attempt", broken
    )

    with pytest.raises(RuntimeError):
        course_evaluation_submit(
            user=learner_done,
            course=ce.course,
            profile_data=PROFILE,
            evaluation_data=EVALUATION,
        )

    assert not CourseEvaluation.objects.filter(enrollment__user=learner_done).exists()
    profile = ClinicianProfile.objects.filter(user=learner_done).first()
    assert profile is None or profile.license_number != PROFILE["license_number"]
