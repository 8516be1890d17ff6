"""The access policy: one function decides who may see a lesson or quiz.

A learner may see an item when the item and everything above it up to its
course is published, and either the item is a free preview or the learner
holds an *active* enrollment in that course. Editors (anyone who may use the
Wagtail admin) always may, so previews work. Release dates (drip) and
sequential courses join this function when they land; nothing else decides.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from wagtail.models import Page

from courses.models import CoursePage, Enrollment, EnrollmentStatus


class Reason(enum.StrEnum):
    EDITOR = "editor"
    FREE_PREVIEW = "free_preview"
    ENROLLED = "enrolled"
    UNPUBLISHED = "unpublished"
    LOGIN_REQUIRED = "login_required"
    NOT_ENROLLED = "not_enrolled"
    REVOKED = "revoked"


ALLOWING = {Reason.EDITOR, Reason.FREE_PREVIEW, Reason.ENROLLED}


@dataclass(frozen=True)
class AccessDecision:
    reason: Reason
    course: CoursePage | None
    enrollment: Enrollment | None = None

    @property
    def allowed(self) -> bool:
        return self.reason in ALLOWING


def user_is_editor(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def item_access(*, user, page: Page) -> AccessDecision:
    """Decide whether ``user`` may see the lesson or quiz ``page``.

    Runs a fixed number of queries whatever the size of the course: the
    course, whether anything between it and the item is unpublished, and the
    learner's enrollment.
    """
    course = CoursePage.objects.ancestor_of(page).first()
    if course is None:
        return AccessDecision(Reason.UNPUBLISHED, None)
    if user_is_editor(user):
        return AccessDecision(Reason.EDITOR, course)
    unpublished = (
        Page.objects.ancestor_of(page, inclusive=True)
        .filter(depth__gte=course.depth, live=False)
        .exists()
    )
    if unpublished:
        return AccessDecision(Reason.UNPUBLISHED, course)
    if getattr(page, "is_free_preview", False):
        return AccessDecision(Reason.FREE_PREVIEW, course)
    if not user.is_authenticated:
        return AccessDecision(Reason.LOGIN_REQUIRED, course)
    enrollment = Enrollment.objects.filter(user=user, course=course).first()
    if enrollment is None:
        return AccessDecision(Reason.NOT_ENROLLED, course)
    if enrollment.status != EnrollmentStatus.ACTIVE:
        return AccessDecision(Reason.REVOKED, course, enrollment)
    return AccessDecision(Reason.ENROLLED, course, enrollment)
