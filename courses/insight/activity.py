"""Who was active, and what was issued, lately.

- active this week: distinct learners with a completion, a submitted quiz
  attempt or a discussion post (written as a learner) in the last 7 days;
- certificates issued this month: valid certificates (not revoked, not
  replaced by a corrected copy) issued since the first of the month.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db.models import QuerySet

from courses.insight.periods import Window, last_days, month_start
from courses.models import Certificate, CertificateStatus


def learners_active_count(*, window: Window | None = None) -> int:
    """Distinct users active in ``window`` (default: the last 7 days). One query."""
    window = window or last_days(7)
    completion = apps.get_model("lessons", "ItemCompletion")
    attempt = apps.get_model("lessons", "QuizAttempt")
    post = apps.get_model("lessons", "Post")
    completed = completion.objects.filter(
        created_at__gte=window.start, created_at__lt=window.end
    ).values("user_id")
    submitted = attempt.objects.filter(
        submitted_at__gte=window.start, submitted_at__lt=window.end
    ).values("user_id")
    posted = post.objects.filter(
        created_at__gte=window.start,
        created_at__lt=window.end,
        author_role="learner",
    ).values("author_id")
    users = completed.order_by().union(
        submitted.order_by(), posted.order_by()
    )  # UNION drops duplicates: each user once
    return users.count()


def certificates_issued_this_month(
    *, now: datetime.datetime | None = None
) -> QuerySet[Certificate]:
    return Certificate.objects.filter(
        status=CertificateStatus.VALID, issued_at__gte=month_start(now=now)
    )
