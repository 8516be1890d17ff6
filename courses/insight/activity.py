"""Who was active, and what was issued, lately.

- active this week: distinct learners with a completion, a submitted quiz
  attempt or a discussion post (written as a learner) in the last 7 days;
- certificates issued this month: valid certificates (not revoked, not
  replaced by a corrected copy) issued since the first of the month.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from wagtail import hooks

from courses.insight.periods import Window, last_days, month_start
from courses.models import Certificate, CertificateStatus, ItemCompletion

ACTIVITY_HOOK = "insight_learner_activity"


def learners_active_count(*, window: Window | None = None) -> int:
    """Distinct users active in ``window`` (default: the last 7 days). One query.

    A completion counts here; other apps add what they record of learners
    through the ``insight_learner_activity`` hook: a function of the window
    returning a ``values`` query of one user id column (``lessons``: submitted
    quiz attempts, posts written as a learner).
    """
    window = window or last_days(7)
    completed = ItemCompletion.objects.filter(
        created_at__gte=window.start, created_at__lt=window.end
    ).values("user_id")
    others = [query(window).order_by() for query in hooks.get_hooks(ACTIVITY_HOOK)]
    # UNION drops duplicates: each user once
    return completed.order_by().union(*others).count()


def certificates_issued_this_month(
    *, now: datetime.datetime | None = None
) -> QuerySet[Certificate]:
    return Certificate.objects.filter(
        status=CertificateStatus.VALID, issued_at__gte=month_start(now=now)
    )
