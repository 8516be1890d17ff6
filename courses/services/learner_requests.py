"""Writes: learners file accommodation requests and grievances; the instructor answers.

Both send email after commit (``courses.tasks``): the learner gets an
acknowledgement on filing, and the answer whenever it is new or changed.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from courses.models import (
    CoursePage,
    LearnerRequest,
    LearnerRequestKind,
    LearnerRequestStatus,
)
from courses.tasks import learner_request_answered_send, learner_request_received_send


@transaction.atomic
def learner_request_submit(
    *,
    user: User,
    kind: LearnerRequestKind | str,
    message: str,
    course: CoursePage | None = None,
) -> LearnerRequest:
    """Record the request, open; acknowledge it by email to ``user`` on commit."""
    learner_request = LearnerRequest.objects.create(
        user=user, kind=kind, course=course, message=message.strip()
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
