"""``manage.py ce_records_purge``: CE records past retention, as docs/RECORDS.md says.

Past ``CE_RECORD_RETENTION_YEARS`` after completion, the records of deleted
(anonymised) accounts go: certificates (corrected copies first), the
evaluation, quiz attempts, lesson completions and the enrollment. Learners
who still have an account, records inside the period and orders stay.
``--dry-run`` lists the same and changes nothing.
"""

from __future__ import annotations

import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

import pytest

from accounts.services import account_delete
from courses.models import (
    Certificate,
    CourseEvaluation,
    Enrollment,
    ItemCompletion,
    LearnerRequest,
)
from courses.services import certificate_reissue, course_completion_attempt
from courses.services.records_purge import retention_cutoff
from lessons.models import QuizAttempt
from payments.models import Order
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluate,
    final_take,
    lessons_complete,
    profile_fill,
)

pytestmark = pytest.mark.django_db


def finish(user, ce) -> Certificate:
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    final_take(user, ce)
    evaluate(user, ce)
    certificate = course_completion_attempt(user=user, course=ce.course)
    assert certificate is not None
    return certificate


def backdate(user, ce, *, years: int) -> None:
    """Move the learner's completion (and enrollment) ``years`` and a day back."""
    moment = timezone.now() - datetime.timedelta(days=365 * years + 2)
    enrollments = Enrollment.objects.filter(user=user, course=ce.course)
    enrollments.update(created_at=moment)
    enrollments.exclude(completed_at=None).update(completed_at=moment)
    Certificate.objects.filter(enrollment__user=user).update(completed_on=moment.date())


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Certificate,
            CourseEvaluation,
            QuizAttempt,
            ItemCompletion,
            Enrollment,
            Order,
            LearnerRequest,
            get_user_model(),
        )
    }


def purge(*args) -> str:
    out = StringIO()
    call_command("ce_records_purge", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def school(course_index):
    """Four learners in one CE course, retention 7 years (the default), and a
    grievance from each of old_deleted (8 years ago), recent_deleted (today) and
    old_active (8 years ago):

    - ``old_deleted``: completed 8 years ago, a corrected copy, account deleted,
      an order: past retention;
    - ``never_deleted``: enrolled 8 years ago, never completed, account deleted:
      past retention (counted from enrolling);
    - ``recent_deleted``: completed today, account deleted: inside it;
    - ``old_active``: completed 8 years ago, still has an account: kept.
    """
    ce = ce_course_build(parent=course_index)
    people = {}

    old = UserFactory(email="old@example.com")
    original = finish(old, ce)
    copy = certificate_reissue(certificate=original)
    Order.objects.create(user=old, course=ce.course, amount=14900, currency="usd")
    account_delete(user=old)
    backdate(old, ce, years=8)
    people["old_deleted"] = (old, [original.serial, copy.serial])

    never = UserFactory(email="never@example.com")
    enroll(never, ce)
    lessons_complete(never, ce)
    account_delete(user=never)
    backdate(never, ce, years=8)
    people["never_deleted"] = (never, [])

    recent = UserFactory(email="recent@example.com")
    people["recent_deleted"] = (recent, [finish(recent, ce).serial])
    account_delete(user=recent)

    active = UserFactory(email="active@example.com")
    people["old_active"] = (active, [finish(active, ce).serial])
    backdate(active, ce, years=8)
    eight_years_ago = timezone.now() - datetime.timedelta(days=365 * 8 + 2)
    for key in ("old_deleted", "recent_deleted", "old_active"):
        LearnerRequest.objects.create(
            user=people[key][0], kind="grievance", message=f"From {key}."
        )
    LearnerRequest.objects.exclude(user=recent).update(created_at=eight_years_ago)
    for key, (user, serials) in people.items():
        user.refresh_from_db()
        people[key] = (user, serials)
    return ce, people


def test_the_dry_run_changes_nothing_and_lists_what_it_would_remove(school):
    ce, people = school
    before = counts()

    out = purge("--dry-run")

    assert counts() == before
    old, serials = people["old_deleted"]
    assert f"Would remove: {old.email} · {ce.course.title}" in out
    assert f"certificates {serials[0]}, {serials[1]}" in out
    never, _ = people["never_deleted"]
    assert f"{never.email} · {ce.course.title} · enrolled" in out
    assert "never completed" in out
    assert people["recent_deleted"][0].email not in out
    assert "active@example.com" not in out
    assert f"Would remove: Grievance from {old.email}" in out
    assert (
        "Dry run: nothing was changed. A real run would remove 2 enrollment(s), "
        "2 certificate(s), 1 evaluation(s)" in out
    )


def test_the_real_run_removes_only_records_past_retention(school):
    ce, people = school
    before = counts()
    old, old_serials = people["old_deleted"]
    never, _ = people["never_deleted"]
    old_attempts = QuizAttempt.objects.filter(user=old).count()
    old_completions = ItemCompletion.objects.filter(user=old).count()
    never_completions = ItemCompletion.objects.filter(user=never).count()
    assert old_attempts and old_completions and never_completions

    out = purge()

    # Past retention, deleted accounts: every CE record is gone
    for user in (old, never):
        assert not Enrollment.objects.filter(user=user).exists()
        assert not Certificate.objects.filter(enrollment__user=user).exists()
        assert not CourseEvaluation.objects.filter(enrollment__user=user).exists()
        assert not QuizAttempt.objects.filter(user=user).exists()
        assert not ItemCompletion.objects.filter(user=user).exists()
    # Everything else is as it was: the other learners, orders, the accounts
    after = counts()
    assert after["LearnerRequest"] == before["LearnerRequest"] - 1
    assert not LearnerRequest.objects.filter(user=old).exists()
    assert LearnerRequest.objects.filter(user=people["old_active"][0]).exists()
    assert LearnerRequest.objects.filter(user=people["recent_deleted"][0]).exists()
    assert after["Order"] == before["Order"] == 1
    assert after["User"] == before["User"]
    assert after["Enrollment"] == before["Enrollment"] - 2
    assert after["Certificate"] == before["Certificate"] - 2
    assert after["CourseEvaluation"] == before["CourseEvaluation"] - 1
    assert after["QuizAttempt"] == before["QuizAttempt"] - old_attempts
    assert after["ItemCompletion"] == before["ItemCompletion"] - (
        old_completions + never_completions
    )
    for key in ("recent_deleted", "old_active"):
        user, serials = people[key]
        assert Enrollment.objects.filter(user=user).count() == 1
        assert (
            list(
                Certificate.objects.filter(enrollment__user=user).values_list(
                    "serial", flat=True
                )
            )
            == serials
        )
        assert CourseEvaluation.objects.filter(enrollment__user=user).count() == 1
    assert "Removed 2 enrollment(s), 2 certificate(s)" in out


def test_a_second_run_finds_nothing(school):
    purge()
    before = counts()

    out = purge()

    assert counts() == before
    assert "No CE records are past retention: nothing to do." in out


def test_the_retention_setting_decides_the_cutoff(school, settings):
    # Given a retention of 10 years, eight-year-old records are inside it
    settings.CE_RECORD_RETENTION_YEARS = 10
    before = counts()

    out = purge()

    assert counts() == before
    assert "Retention: 10 years." in out


def test_the_cutoff_is_the_same_day_that_many_years_back():
    assert retention_cutoff(today=datetime.date(2026, 12, 3), years=7) == (
        datetime.date(2019, 12, 3)
    )
    assert retention_cutoff(today=datetime.date(2028, 2, 29), years=3) == (
        datetime.date(2025, 2, 28)
    )
