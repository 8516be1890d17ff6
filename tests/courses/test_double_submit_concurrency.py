"""The evaluation submitted several times at once: one evaluation, one certificate.

Threads wait on a barrier and then, all at once, POST the course evaluation
as the same learner, each on its own database connection. Each round must end
with one evaluation and one certificate, every request redirected to that
certificate, no error (the 500 this guards against) and no thread hanging.

Row locks (``select_for_update``) do nothing on SQLite, so this is
``postgres_only``: tests/conftest.py deselects it, saying so, on another
database; CI runs the suite on PostgreSQL.
"""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest

from courses.models import Certificate, CourseEvaluation
from tests.accounts.factories import UserFactory
from tests.concurrency import run_at_once
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluation_post,
    final_take,
    lessons_complete,
    profile_fill,
)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("restore_migration_data", "on_postgresql"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 3
THREADS = 5


def _submit_job(user, url: str, data: dict):
    client = Client()  # one client per thread
    client.force_login(user)
    return lambda: client.post(url, data)


def test_parallel_evaluation_submits_store_one_and_land_on_the_certificate(
    course_index,
):
    ce = ce_course_build(parent=course_index)
    url = reverse("course_evaluation", args=[ce.course.pk])
    for n in range(ROUNDS):
        # Given a learner who has met every condition but the evaluation
        user = UserFactory(email=f"evaluation-racer-{n}@example.com")
        enroll(user, ce)
        profile_fill(user)
        lessons_complete(user, ce)
        final_take(user, ce)

        # When the evaluation is submitted several times at the same instant
        outcome = run_at_once(
            [
                (f"submit-{i}", _submit_job(user, url, evaluation_post(ce)))
                for i in range(THREADS)
            ]
        )

        # Then none failed, one evaluation and one certificate, all shown it
        context = f"round {n + 1}/{ROUNDS}"
        assert outcome.hung == [], f"{context}: threads still running: {outcome.hung}"
        assert outcome.errors == [], f"{context}:\n" + "\n".join(outcome.errors)
        assert CourseEvaluation.objects.filter(enrollment__user=user).count() == 1
        certificate = Certificate.objects.get(enrollment__user=user)
        expected = reverse("certificate_detail", args=[certificate.serial])
        answers = [(r.status_code, r["Location"]) for _label, r in outcome.results]
        assert answers == [(302, expected)] * THREADS, f"{context}: {answers}"
