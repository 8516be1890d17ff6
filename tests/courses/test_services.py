"""Enrollment services: granting and revoking are idempotent, one row per pair."""

from __future__ import annotations

from django.db import IntegrityError, transaction

import pytest

from courses.models import Enrollment, EnrollmentSource, EnrollmentStatus
from courses.services import enrollment_grant, enrollment_revoke


def test_grant_creates_an_active_enrollment(learner, course):
    # Given a learner with no enrollment
    # When the enrollment is granted
    enrollment, changed = enrollment_grant(
        user=learner, course=course, source=EnrollmentSource.FREE
    )

    # Then an active enrollment exists and the grant reports a change
    assert changed is True
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert enrollment.source == EnrollmentSource.FREE
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_grant_twice_keeps_one_row_and_reports_no_change(learner, course):
    # Given a learner already granted the course
    first, _ = enrollment_grant(
        user=learner, course=course, source=EnrollmentSource.FREE
    )

    # When the grant runs again
    second, changed = enrollment_grant(
        user=learner, course=course, source=EnrollmentSource.MANUAL
    )

    # Then nothing changes: same row, same source
    assert changed is False
    assert second.pk == first.pk
    assert second.source == EnrollmentSource.FREE
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_grant_reactivates_a_revoked_enrollment(learner, course):
    # Given a revoked enrollment
    enrollment, _ = enrollment_grant(
        user=learner, course=course, source=EnrollmentSource.FREE
    )
    enrollment_revoke(enrollment=enrollment, reason="Refunded")

    # When the course is granted again
    again, changed = enrollment_grant(
        user=learner, course=course, source=EnrollmentSource.PURCHASE
    )

    # Then the same row is active again, its revocation cleared
    again.refresh_from_db()
    assert changed is True
    assert again.pk == enrollment.pk
    assert again.status == EnrollmentStatus.ACTIVE
    assert again.source == EnrollmentSource.PURCHASE
    assert again.revoked_at is None
    assert again.revoke_reason == ""
    assert again.created_at == enrollment.created_at
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_revoke_marks_the_enrollment_revoked_with_its_reason(enrolled_learner, course):
    # Given an active enrollment
    enrollment = Enrollment.objects.get(user=enrolled_learner, course=course)

    # When it is revoked
    changed = enrollment_revoke(enrollment=enrollment, reason="Charge refunded")

    # Then the row stays, revoked, with when and why
    enrollment.refresh_from_db()
    assert changed is True
    assert enrollment.status == EnrollmentStatus.REVOKED
    assert enrollment.revoked_at is not None
    assert enrollment.revoke_reason == "Charge refunded"
    assert not enrollment.is_active


def test_revoke_twice_changes_nothing_the_second_time(enrolled_learner, course):
    # Given a revoked enrollment
    enrollment = Enrollment.objects.get(user=enrolled_learner, course=course)
    enrollment_revoke(enrollment=enrollment, reason="First")
    enrollment.refresh_from_db()
    revoked_at = enrollment.revoked_at

    # When it is revoked again
    changed = enrollment_revoke(enrollment=enrollment, reason="Second")

    # Then it reports no change and keeps the first revocation
    enrollment.refresh_from_db()
    assert changed is False
    assert enrollment.revoked_at == revoked_at
    assert enrollment.revoke_reason == "First"


def test_revoke_truncates_a_long_reason(enrolled_learner, course):
    enrollment = Enrollment.objects.get(user=enrolled_learner, course=course)

    enrollment_revoke(enrollment=enrollment, reason="x" * 500)

    enrollment.refresh_from_db()
    assert len(enrollment.revoke_reason) == 200


def test_database_refuses_a_second_enrollment_for_the_same_pair(
    enrolled_learner, course
):
    # Given an enrollment
    # When a second row for the same learner and course is written directly
    # Then the unique constraint refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(
            user=enrolled_learner, course=course, source=EnrollmentSource.MANUAL
        )


def test_one_learner_may_hold_enrollments_in_two_courses(learner, course, paid_course):
    enrollment_grant(user=learner, course=course, source=EnrollmentSource.FREE)
    enrollment_grant(user=learner, course=paid_course, source=EnrollmentSource.PURCHASE)

    assert Enrollment.objects.filter(user=learner).count() == 2
