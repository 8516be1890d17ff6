"""Two (or ten) requests complete the same course at once: one certificate.

Threads wait on a barrier and then, all at once, call
``course_completion_attempt`` for the same learner and course, each on its own
database connection. Every round must end with one certificate, every thread
handed that same certificate, one email, no error and no thread left hanging.

Row locks (``select_for_update``) do nothing on SQLite, so this is
``postgres_only``: tests/conftest.py deselects it, saying so, on
another database; CI runs the suite on PostgreSQL.
"""

from __future__ import annotations

from django.core import mail

import pytest

from courses.models import Certificate, Enrollment
from courses.services import course_completion_attempt
from tests.accounts.factories import UserFactory
from tests.concurrency import run_at_once
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluate,
    final_take,
    lessons_complete,
    profile_fill,
)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("restore_migration_data", "on_postgresql"),
    # serialized_rollback: the flush after a transactional test empties the
    # tables; this restores Wagtail's root page, site and groups first.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 5


def race(user, course, threads: int) -> tuple[list, list[str], list[str]]:
    """Run ``threads`` completion attempts at the same instant."""
    outcome = run_at_once(
        [
            (
                f"complete-{i}",
                lambda: course_completion_attempt(user=user, course=course),
            )
            for i in range(threads)
        ]
    )
    certificates = [value.pk if value else None for _label, value in outcome.results]
    return certificates, outcome.errors, outcome.hung


@pytest.mark.parametrize("threads", [2, 10])
def test_concurrent_completions_issue_one_certificate(course_index, threads):
    ce = ce_course_build(parent=course_index)
    for n in range(ROUNDS):
        # Given a learner who has met every condition but the last attempt
        user = UserFactory(email=f"racer-{threads}-{n}@example.com")
        enroll(user, ce)
        profile_fill(user)
        lessons_complete(user, ce)
        final_take(user, ce)
        evaluate(user, ce)  # the service alone does not attempt the completion
        assert not Certificate.objects.filter(enrollment__user=user).exists()
        mail_before = [m for m in mail.outbox if user.email in m.to]

        # When the completions all arrive at the same instant
        results, errors, hung = race(user, ce.course, threads)

        # Then there is one certificate, and every attempt returned it
        assert hung == [], f"round {n}: threads hung (deadlock?): {hung}"
        assert errors == [], f"round {n}:\n" + "\n".join(errors)
        certificates = list(Certificate.objects.filter(enrollment__user=user))
        assert len(certificates) == 1, f"round {n}: {certificates}"
        assert results == [certificates[0].pk] * threads
        enrollment = Enrollment.objects.get(user=user, course=ce.course)
        assert enrollment.completed_at is not None
        sent = [m for m in mail.outbox if user.email in m.to]
        assert len(sent) - len(mail_before) == 1, f"round {n}: {len(sent)} emails"
