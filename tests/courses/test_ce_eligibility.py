"""The completion rule: each condition missing in turn, and the moment it is met.

A certificate needs an active enrollment, every required item complete, the
final assessment passed, the evaluation submitted and the profile fields the
certificate prints. Take any one away and there is no certificate, and
``facts.missing`` says what to do; with all of them there is exactly one,
issued at once, in the request that met the last condition.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

import pytest

from courses.completion import course_completion_facts, profile_fields_required
from courses.models import CECredit, Certificate, CertificateStatus, Enrollment
from courses.services import course_completion_attempt, enrollment_revoke
from lessons.services import item_complete
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    BODY_NAME,
    COURSE_TITLE,
    LICENSE_NUMBER,
    PROVIDER_NUMBER,
    STATEMENT,
    ce_course_build,
    enroll,
    evaluate,
    final_take,
    lessons_complete,
    profile_fill,
)

pytestmark = pytest.mark.django_db

ENROLL = "Enroll in the course."
FINAL = "Pass the final assessment."
EVALUATION = "Submit the course evaluation."
PROFILE = "Confirm the name and license details to print."


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def user(db):
    return UserFactory(email="clinician@example.com", first_name="Maria")


def certificates(user, ce) -> list[Certificate]:
    return list(Certificate.objects.filter(enrollment__user=user))


def all_but(user, ce, skip: str) -> None:
    """Meet every condition except ``skip``, in the usual order."""
    if skip != "enrollment":
        enroll(user, ce)
    if skip != "profile":
        profile_fill(user)
    if skip != "required_item":
        lessons_complete(user, ce)
    else:
        item_complete(user=user, page=ce.lessons[0], course=ce.course)
    if skip not in ("final", "enrollment"):
        final_take(user, ce)
    if skip not in ("evaluation", "enrollment"):
        evaluate(user, ce)
        # As the evaluation view does: submit, then attempt the completion.
        course_completion_attempt(user=user, course=ce.course)


# Each condition missing in turn ------------------------------------------------


@pytest.mark.parametrize(
    ("skip", "sentences"),
    [
        ("required_item", ["Complete every required lesson and quiz (2 of 3)."]),
        # The final assessment is a required item too: both sentences apply.
        ("final", ["Complete every required lesson and quiz (2 of 3).", FINAL]),
        ("evaluation", [EVALUATION]),
        ("profile", [PROFILE]),
    ],
)
def test_one_condition_missing_issues_nothing_and_says_what(user, ce, skip, sentences):
    all_but(user, ce, skip)

    assert course_completion_attempt(user=user, course=ce.course) is None
    facts = course_completion_facts(user=user, course=ce.course)
    assert not facts.eligible
    assert facts.missing == sentences
    assert certificates(user, ce) == []
    assert Enrollment.objects.get(user=user, course=ce.course).completed_at is None


def test_not_enrolled_issues_nothing(user, ce):
    profile_fill(user)

    assert course_completion_attempt(user=user, course=ce.course) is None
    facts = course_completion_facts(user=user, course=ce.course)
    assert facts.enrollment is None
    assert ENROLL in facts.missing
    assert not Certificate.objects.exists()


def test_a_revoked_learner_who_did_everything_else_gets_nothing(user, ce):
    enrollment = enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    final_take(user, ce)
    enrollment_revoke(enrollment=enrollment, reason="Refunded")
    evaluate(user, ce)

    assert course_completion_attempt(user=user, course=ce.course) is None
    assert course_completion_facts(user=user, course=ce.course).missing == [ENROLL]
    assert certificates(user, ce) == []


def test_a_failed_final_assessment_is_not_a_pass(user, ce):
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    evaluate(user, ce)

    attempt = final_take(user, ce, passing=False)

    assert attempt.passed is False
    facts = course_completion_facts(user=user, course=ce.course)
    assert FINAL in facts.missing
    assert certificates(user, ce) == []


def test_profile_name_missing_blocks(user, ce):
    all_but(user, ce, skip="profile")
    profile_fill(user, name_on_certificate="")

    assert course_completion_attempt(user=user, course=ce.course) is None
    facts = course_completion_facts(user=user, course=ce.course)
    assert facts.profile_missing == ["name_on_certificate"]
    assert facts.missing == [PROFILE]


@pytest.mark.parametrize("field", ["license_type", "license_number", "license_state"])
def test_license_missing_blocks_when_an_approval_requires_it(user, ce, field):
    all_but(user, ce, skip="profile")
    profile_fill(user, **{field: ""})

    assert course_completion_attempt(user=user, course=ce.course) is None
    facts = course_completion_facts(user=user, course=ce.course)
    assert facts.profile_missing == [field]
    assert facts.missing == [PROFILE]


def test_license_not_needed_when_no_approval_requires_it(user, course_index):
    ce = ce_course_build(parent=course_index, requires_license=False)
    assert profile_fields_required(ce.course) == ["name_on_certificate"]
    enroll(user, ce)
    profile_fill(user, license_type="", license_number="", license_state="")
    lessons_complete(user, ce)
    final_take(user, ce)

    evaluate(user, ce)
    certificate = course_completion_attempt(user=user, course=ce.course)

    assert certificate is not None
    assert certificate.license_number == ""


# Everything present ---------------------------------------------------------------


def test_all_conditions_met_issue_one_certificate_with_every_snapshot_field(user, ce):
    all_but(user, ce, skip="evaluation")
    evaluate(user, ce)

    certificate = course_completion_attempt(user=user, course=ce.course)

    assert certificate is not None
    assert certificates(user, ce) == [certificate]
    enrollment = Enrollment.objects.get(user=user, course=ce.course)
    assert enrollment.completed_at is not None
    assert certificate.enrollment == enrollment
    assert certificate.status == CertificateStatus.VALID
    assert certificate.replaces is None
    assert certificate.serial.startswith("PRC-")
    assert certificate.learner_name == "Maria L. Gómez, LCSW"
    assert certificate.license_type == "LCSW"
    assert certificate.license_number == LICENSE_NUMBER
    assert certificate.license_state == "TX"
    assert certificate.course_title == COURSE_TITLE
    assert certificate.completed_on == timezone.localdate(enrollment.completed_at)
    assert certificate.ce_hours == Decimal("3.00")
    assert certificate.credits == [["General", "2.00"], ["Ethics", "1.00"]]
    assert certificate.ce_format == "Self-paced online"
    assert certificate.ce_level == "Intermediate"
    assert certificate.ce_credit == CECredit.AWARDED
    assert certificate.approvals == [
        {
            "body": BODY_NAME,
            "kind": "State licensing board",
            "provider_number": PROVIDER_NUMBER,
            "period_start": ce.approval.period_start.isoformat(),
            "period_end": ce.approval.period_end.isoformat(),
            "statement": STATEMENT,
        }
    ]
    assert certificate.provider_name == settings.CE_PROVIDER_NAME
    assert certificate.instructor == "Dana Reyes, LCSW"
    assert certificate.post_test_score == 100


def test_the_snapshot_does_not_follow_later_edits(user, ce):
    all_but(user, ce, skip="none")
    certificate = Certificate.objects.get(enrollment__user=user)

    ce.course.title = "Renamed"
    ce.course.save_revision().publish()
    profile_fill(user, name_on_certificate="Someone Else")

    certificate.refresh_from_db()
    assert certificate.course_title == COURSE_TITLE
    assert certificate.learner_name == "Maria L. Gómez, LCSW"


def test_a_second_attempt_returns_the_same_certificate(user, ce):
    all_but(user, ce, skip="none")
    first = Certificate.objects.get(enrollment__user=user)

    again = course_completion_attempt(user=user, course=ce.course)

    assert again == first
    assert Certificate.objects.count() == 1


def test_optional_items_do_not_block(user, ce):
    all_but(user, ce, skip="none")

    facts = course_completion_facts(user=user, course=ce.course)
    assert facts.required_total == 3  # two lessons and the post-test
    assert facts.required_done == 3
    assert facts.eligible
    assert len(certificates(user, ce)) == 1


# Issued at the moment the last condition is met ------------------------------------


def test_issued_when_the_evaluation_is_submitted_last(user, ce):
    """The evaluation view submits, then attempts: the certificate exists at once."""
    all_but(user, ce, skip="evaluation")
    assert certificates(user, ce) == []

    evaluate(user, ce)
    certificate = course_completion_attempt(user=user, course=ce.course)

    assert certificates(user, ce) == [certificate]


def test_issued_when_the_final_quiz_is_passed_after_the_evaluation(user, ce):
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    evaluate(user, ce)
    final_take(user, ce, passing=False)
    assert certificates(user, ce) == []

    attempt = final_take(user, ce)  # no explicit completion attempt: the pass does it

    assert attempt.passed
    assert len(certificates(user, ce)) == 1


def test_issued_when_the_last_required_lesson_is_completed(user, ce):
    enroll(user, ce)
    profile_fill(user)
    item_complete(user=user, page=ce.lessons[0], course=ce.course)
    final_take(user, ce)
    evaluate(user, ce)
    assert certificates(user, ce) == []

    item_complete(user=user, page=ce.lessons[1], course=ce.course)

    assert len(certificates(user, ce)) == 1


def test_completing_an_optional_item_afterwards_issues_no_second(user, ce):
    all_but(user, ce, skip="none")

    item_complete(user=user, page=ce.optional, course=ce.course)

    assert len(certificates(user, ce)) == 1


def test_a_lapsed_approval_is_not_printed_and_asks_for_no_license(user, ce):
    # Given the course's only approval ended yesterday
    ce.approval.period_start = timezone.localdate() - timedelta(days=400)
    ce.approval.period_end = timezone.localdate() - timedelta(days=1)
    ce.approval.save()
    assert profile_fields_required(ce.course) == ["name_on_certificate"]

    # When the learner completes the course without license details
    all_but(user, ce, skip="evaluation")
    profile_fill(user, license_type="", license_number="", license_state="")
    evaluate(user, ce)
    certificate = course_completion_attempt(user=user, course=ce.course)

    # Then the certificate prints no approval
    assert certificate is not None
    assert certificate.approvals == []
