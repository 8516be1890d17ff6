"""Invitations become enrollments when the invited person verifies the address."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from accounts.models import User
from courses.bulk_enroll.records import (
    ACTION_INVITATION_ACCEPT,
)
from courses.models import (
    EnrollmentSource,
    Invitation,
)
from courses.services import enrollment_grant


def invitations_accept(*, user: User, email: str) -> list[Invitation]:
    """Turn every pending invitation for ``email`` into an enrollment of ``user``.

    Call it once ``user`` has proved they own ``email`` (allauth's
    ``email_confirmed``). Invariants: one transaction, the invitations locked
    while they change; idempotent (an accepted invitation is not accepted
    again, and ``enrollment_grant`` leaves an active enrollment as it is);
    enrollments are ``MANUAL``. Each acceptance is logged against the learner
    (``practicum.learner.invitation_accept``). A learner with no name yet
    takes the one the invitation carried. Returns the invitations accepted now.
    """
    email = email.strip().lower()
    with transaction.atomic():
        pending = list(
            Invitation.objects.select_for_update(of=("self",))  # not the course
            .filter(email=email, accepted_at__isnull=True)
            .select_related("course")
            .order_by("created_at", "pk")
        )
        now = timezone.now()
        for invitation in pending:
            enrollment_grant(
                user=user, course=invitation.course, source=EnrollmentSource.MANUAL
            )
            invitation.accepted_at = now
            invitation.save(update_fields=["accepted_at"])
            log(
                instance=user,
                action=ACTION_INVITATION_ACCEPT,
                user=user,
                data={
                    "course_id": invitation.course.pk,
                    "course_title": invitation.course.title,
                    "invitation_id": invitation.pk,
                },
            )
        named = next((i for i in pending if i.first_name or i.last_name), None)
        if named and not (user.first_name or user.last_name):
            user.first_name = named.first_name
            user.last_name = named.last_name
            user.save(update_fields=["first_name", "last_name"])
    return pending
