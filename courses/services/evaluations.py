"""The course evaluation form's one write: profile, evaluation, certificate."""

from __future__ import annotations

import contextlib

from django.db import transaction

from accounts.models import User
from accounts.services import profile_update
from courses.models import Certificate, CoursePage, Enrollment
from courses.services.certificates import (
    EvaluationAlreadySubmitted,
    course_completion_attempt,
    evaluation_submit,
)


@transaction.atomic
def course_evaluation_submit(
    *,
    user: User,
    course: CoursePage,
    profile_data: dict | None = None,
    evaluation_data: dict | None = None,
) -> Certificate | None:
    """Save what the evaluation form sent, then issue the certificate if due.

    All or nothing, in one transaction: the profile fields the certificate
    prints (``profile_data``, when the form asked for them), the evaluation
    (``evaluation_data``, stored once: a double submit keeps the first), and
    the certificate, issued by ``course_completion_attempt`` when the learner
    has none for this course yet. Returns the learner's certificate for the
    course (the one held already, unchanged, or the one issued now), or None
    when the course is not complete.
    """
    enrollment = Enrollment.objects.filter(user=user, course=course).first()
    if profile_data is not None:
        profile_update(user=user, data=profile_data)
    if evaluation_data is not None and enrollment is not None:
        with contextlib.suppress(EvaluationAlreadySubmitted):
            evaluation_submit(enrollment=enrollment, data=evaluation_data)
    held = (
        enrollment.certificates.filter(replaces__isnull=True).first()
        if enrollment is not None
        else None
    )
    if held is not None:
        return held
    return course_completion_attempt(user=user, course=course)
