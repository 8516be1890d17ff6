"""Applying a plan: enrollments granted and invitations sent, with an audit trail."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from wagtail.log_actions import LogContext, log

from accounts.models import User
from courses.bulk_enroll.records import (
    ACTION_BULK_ENROLL,
    ACTION_INVITE,
    Plan,
    PlanRow,
    Result,
    RowAction,
)
from courses.models import (
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Invitation,
)
from courses.services import enrollment_grant
from courses.tasks import invitation_send


def bulk_enroll_apply(*, plan: Plan, invited_by: User) -> Result:
    """Do what a valid plan says: enroll, reactivate, invite. All or nothing.

    Invariants: refuses (``ValueError``) a plan with any problem, so a file
    with one bad row applies nothing. Runs in one transaction. Idempotent:
    enrollments go through ``enrollment_grant`` (an active one is left as it
    is) and invitations are unique per (email, course), so applying the same
    file twice enrolls and invites once. Enrollments are ``MANUAL``; each
    enrollment or reactivation is logged against the learner
    (``practicum.learner.bulk_enroll``), each invitation against itself
    (``practicum.invitation.create``), all with one shared log uuid. Each new
    invitation's email is enqueued after commit; nothing is sent on rollback.
    """
    if not plan.is_valid:
        raise ValueError("A bulk-enrollment plan with problems cannot be applied.")
    result = Result()
    with transaction.atomic(), LogContext(user=invited_by):
        for row in plan.rows:
            if row.action in (RowAction.ENROLL, RowAction.REACTIVATE):
                _apply_enrollment(row, result=result, invited_by=invited_by)
            elif row.action == RowAction.INVITE:
                _apply_invitation(row, result=result, invited_by=invited_by)
            else:
                result.unchanged += 1
        for invitation_id in result.invitation_ids:
            transaction.on_commit(
                partial(invitation_send.enqueue, invitation_id), robust=True
            )
    return result


def _log_data(row: PlanRow) -> dict:
    return {
        "course_id": row.course.pk,
        "course_title": row.course.title,
        "line": row.line,
    }


def _apply_enrollment(row: PlanRow, *, result: Result, invited_by: User) -> None:
    assert row.user is not None
    was_revoked = Enrollment.objects.filter(
        user=row.user, course=row.course, status=EnrollmentStatus.REVOKED
    ).exists()
    _enrollment, changed = enrollment_grant(
        user=row.user, course=row.course, source=EnrollmentSource.MANUAL
    )
    if not changed:
        result.unchanged += 1
        return
    if was_revoked:
        result.reactivated += 1
    else:
        result.enrolled += 1
    log(
        instance=row.user,
        action=ACTION_BULK_ENROLL,
        user=invited_by,
        data={**_log_data(row), "reactivated": was_revoked},
    )


def _apply_invitation(row: PlanRow, *, result: Result, invited_by: User) -> None:
    invitation, created = Invitation.objects.get_or_create(
        email=row.email,
        course=row.course,
        defaults={
            "first_name": row.first_name,
            "last_name": row.last_name,
            "invited_by": invited_by,
        },
    )
    if not created:
        result.unchanged += 1
        return
    result.invited += 1
    result.invitation_ids.append(invitation.pk)
    log(
        instance=invitation,
        action=ACTION_INVITE,
        user=invited_by,
        data={**_log_data(row), "email": row.email},
    )
