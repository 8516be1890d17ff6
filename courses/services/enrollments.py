"""Writes for enrollments: grant, revoke, restore, the release anchor, and the
post-test score."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.models import (
    CoursePage,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
)
from courses.tasks import (
    enrollment_granted_send,
)


@transaction.atomic
def enrollment_grant(
    *, user: User, course: CoursePage, source: EnrollmentSource
) -> tuple[Enrollment, bool]:
    """Give ``user`` an active enrollment in ``course``.

    Idempotent: an active enrollment is returned unchanged; a revoked one is
    reactivated (keeping its original ``created_at``). The row is locked while
    it changes, and the unique (user, course) constraint settles a race between
    two first grants. Returns ``(enrollment, changed)``.
    """
    enrollment, created = Enrollment.objects.select_for_update().get_or_create(
        user=user, course=course, defaults={"source": source}
    )
    if created:
        return enrollment, True
    if enrollment.status == EnrollmentStatus.ACTIVE:
        return enrollment, False
    enrollment.status = EnrollmentStatus.ACTIVE
    enrollment.source = source
    enrollment.revoked_at = None
    enrollment.revoke_reason = ""
    enrollment.save(
        update_fields=["status", "source", "revoked_at", "revoke_reason", "updated_at"]
    )
    return enrollment, True


@transaction.atomic
def enrollment_revoke(*, enrollment: Enrollment, reason: str) -> bool:
    """Revoke an enrollment, keeping the row and saying why.

    Idempotent: revoking a revoked enrollment changes nothing and returns False.
    """
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status == EnrollmentStatus.REVOKED:
        return False
    enrollment.status = EnrollmentStatus.REVOKED
    enrollment.revoked_at = timezone.now()
    enrollment.revoke_reason = reason[:200]
    enrollment.save(
        update_fields=["status", "revoked_at", "revoke_reason", "updated_at"]
    )
    return True


def enrollment_grant_by_hand(
    *, user: User, course: CoursePage
) -> tuple[Enrollment, bool]:
    """Enroll ``user`` in ``course`` free of charge, as the instructor's gift.

    The enrollment's source is ``MANUAL``. Idempotent like ``enrollment_grant``:
    an active enrollment is returned unchanged (and nothing is sent); a new or
    reactivated one emails the learner once the transaction commits.
    Returns ``(enrollment, changed)``.
    """
    with transaction.atomic():
        enrollment, changed = enrollment_grant(
            user=user, course=course, source=EnrollmentSource.MANUAL
        )
        if changed:
            transaction.on_commit(
                lambda: enrollment_granted_send.enqueue(enrollment.pk), robust=True
            )
    return enrollment, changed


def enrollment_restore(*, enrollment: Enrollment) -> bool:
    """Reactivate a revoked enrollment, keeping how the learner came to it.

    Idempotent: restoring an active enrollment changes nothing and returns
    False. The source (purchase, free, by hand) stays what it was; the
    revocation's date and reason are cleared (the audit log keeps them).
    """
    _enrollment, changed = enrollment_grant(
        user=enrollment.user,
        course=enrollment.course,
        source=EnrollmentSource(enrollment.source),
    )
    return changed


@transaction.atomic
def enrollment_release_anchor_set(
    *, enrollment: Enrollment, anchor_on: date | None
) -> bool:
    """Set the date the learner's drip schedule counts from (None: enrolling day).

    Only the ``release_anchor_on`` column changes; the access policy reads it
    from the enrollment row it already loads. Returns False if it was already
    that date.
    """
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.release_anchor_on == anchor_on:
        return False
    enrollment.release_anchor_on = anchor_on
    enrollment.save(update_fields=["release_anchor_on", "updated_at"])
    return True


@transaction.atomic
def enrollment_post_test_record(*, user: User, course: CoursePage, score: int) -> bool:
    """Record a passed post-test attempt's score on the learner's enrollment,
    if it beats the best so far: what the certificate and the board roster
    print. ``lessons`` calls this before the quiz's completion, so a course
    completed by that pass already knows its score. False if there is no
    enrollment or the score is not better."""
    enrollment = (
        Enrollment.objects.select_for_update().filter(user=user, course=course).first()
    )
    if enrollment is None or (
        enrollment.post_test_score is not None and enrollment.post_test_score >= score
    ):
        return False
    enrollment.post_test_score = score
    enrollment.save(update_fields=["post_test_score", "updated_at"])
    return True


# Completion and certificates ----------------------------------------------------
