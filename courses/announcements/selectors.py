"""Who receives an announcement, and the announcements as the admin lists them."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from accounts.models import User
from courses.models import Announcement, CoursePage, Enrollment, EnrollmentStatus


def announcement_recipients(*, course: CoursePage | None) -> QuerySet[User]:
    """The learners an announcement to ``course`` (None: every course) goes to.

    Active accounts with an *active* enrollment in the course (in any course
    when ``course`` is None) who have not opted out (``announcement_emails``).
    Revoked enrollments never count. Each person appears once, however many
    courses they take (an ``EXISTS`` subquery, not a join), ordered by id so
    the list can be cut into stable batches. ``.count()`` is one query.
    """
    enrollments = Enrollment.objects.filter(
        user=OuterRef("pk"), status=EnrollmentStatus.ACTIVE
    )
    if course is not None:
        enrollments = enrollments.filter(course=course)
    return User.objects.filter(
        Exists(enrollments), is_active=True, announcement_emails=True
    ).order_by("pk")


def announcement_recipient_count(*, course: CoursePage | None) -> int:
    """How many learners an announcement to ``course`` would reach (one query)."""
    return announcement_recipients(course=course).count()


def announcements_for_admin() -> QuerySet[Announcement]:
    """Every announcement, newest first, with its course and sender."""
    return Announcement.objects.select_related("course", "sent_by")
