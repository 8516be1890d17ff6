"""Writes for courses: enrollments."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.models import CoursePage, Enrollment, EnrollmentSource, EnrollmentStatus


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
