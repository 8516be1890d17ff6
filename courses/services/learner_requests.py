"""Writes: learners file accommodation requests and grievances; the instructor answers.

Both send email after commit (``courses.tasks``): the learner gets an
acknowledgement on filing, and the answer whenever it is new or changed.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import (
    CoursePage,
    LearnerRequest,
    LearnerRequestKind,
    LearnerRequestStatus,
)
from courses.tasks import learner_request_answered_send, learner_request_received_send


class LearnerRequestRateLimited(Exception):
    """Too many requests from one learner in ``LEARNER_REQUEST_RATE``'s window."""


# The same message twice within this time is one request (a double submit).
DUPLICATE_WINDOW = timedelta(minutes=10)


@transaction.atomic
def learner_request_submit(
    *,
    user: User,
    kind: LearnerRequestKind | str,
    message: str,
    course: CoursePage | None = None,
) -> LearnerRequest:
    """Record the request, open; acknowledge it by email to ``user`` on commit.

    Idempotent for a double submit: the same kind, course and message from the
    same learner within ``DUPLICATE_WINDOW`` returns the request already made,
    and no second email is sent. Raises ``LearnerRequestRateLimited`` beyond
    ``LEARNER_REQUEST_RATE``. Locks the learner's row so two submits at once
    are counted one after the other.
    """
    User.objects.select_for_update().filter(pk=user.pk).first()
    message = message.strip()
    now = timezone.now()
    duplicate = LearnerRequest.objects.filter(
        user=user,
        kind=kind,
        course=course,
        message=message,
        created_at__gte=now - DUPLICATE_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate
    count, seconds = settings.LEARNER_REQUEST_RATE
    recent = LearnerRequest.objects.filter(
        user=user, created_at__gte=now - timedelta(seconds=seconds)
    ).count()
    if recent >= count:
        raise LearnerRequestRateLimited(
            _(
                "You have sent %(count)s requests in the last %(minutes)s minutes. "
                "Please wait a little, or write to us by email if it is urgent."
            )
            % {"count": recent, "minutes": max(1, seconds // 60)}
        )
    learner_request = LearnerRequest.objects.create(
        user=user, kind=kind, course=course, message=message
    )
    transaction.on_commit(
        lambda: learner_request_received_send.enqueue(learner_request.pk),
        robust=True,
    )
    return learner_request


@transaction.atomic
def learner_request_answer(
    *,
    learner_request: LearnerRequest,
    status: LearnerRequestStatus | str,
    response: str,
    by: User,
) -> bool:
    """Set the status and the answer; email the answer if it is new or changed.

    Locks the row, so two saves at once send one email for one answer.
    Returns whether the answer is emailed.
    """
    current = LearnerRequest.objects.select_for_update().get(pk=learner_request.pk)
    response = response.strip()
    changed = bool(response) and response != current.response.strip()
    current.status = status
    current.response = response
    if changed:
        current.answered_at = timezone.now()
        current.answered_by = by
    current.save()
    if changed:
        transaction.on_commit(
            lambda: learner_request_answered_send.enqueue(current.pk), robust=True
        )
    return changed
