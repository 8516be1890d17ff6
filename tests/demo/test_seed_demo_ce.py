"""``manage.py seed_demo``: the paid course's CE details and the demo learner's
certificate."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from wagtail.models import Page

import pytest

from courses.models import (
    Enrollment,
    ItemCompletion,
)
from lessons.models import LessonPage, QuizPage
from tests.demo.academy import (
    FREE,
    LEARNER,
    PAID,
    PASSWORD,
    course,
    lessons_of,
    paid_modules,
    seed,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_academy")]


# Continuing education ------------------------------------------------------


def test_paid_course_content_supports_its_hours_and_says_how_they_were_computed(
    client,
):
    from courses.ce_content import course_content_time

    paid = course(PAID)
    time = course_content_time(course=paid)
    assert time.minutes == 20 * 60
    assert not time.exceeds
    assert course_content_time(course=course(FREE)).ce_hours is None
    assert "36 lessons" in paid.ce_hours_rationale
    assert "rounded down to the quarter hour" in paid.ce_hours_rationale
    page = client.get(paid.url).content.decode()
    assert "How the hours were computed" in page


def test_paid_course_has_its_credit_lines_level_format_and_fictional_approval():
    from datetime import timedelta

    from django.utils import timezone

    from courses.completion import profile_fields_required

    paid = course(PAID)
    assert paid.credit_lines() == [("General", 18), ("Ethics", 2)]
    # The ethics hours are backed by module 2's four lessons on ethics.
    ethics_lessons = lessons_of(paid_modules()[1])[:4]
    assert dict(paid.credit_lines())["Ethics"] * 60 == sum(
        lesson.estimated_minutes for lesson in ethics_lessons
    )
    assert sum(hours for _label, hours in paid.credit_lines()) == paid.ce_hours
    assert paid.ce_level == "intermediate"
    assert paid.ce_format == "self_paced_online"
    approvals = list(paid.approvals.all())
    assert len(approvals) == 1
    approval = approvals[0]
    assert approval.body_name == (
        "Demo Board of Behavioral Health Continuing Education (fictional)"
    )
    assert approval.provider_number == "DEMO-1234"
    assert "Demonstration only: not a real approval." in approval.statement
    assert "20 CE hours" in approval.statement
    assert approval.requires_license_number
    assert approval.kind == "state_board"
    assert approval.formats == ["self_paced_online"]
    today = timezone.localdate()
    assert approval.covers(ce_format=paid.ce_format, on=today)
    assert approval.is_current(today)
    assert approval.period_start <= today - timedelta(days=300)
    assert approval.period_end >= today + timedelta(days=300)
    assert "license_number" in profile_fields_required(paid)
    # The published revision carries them too: publishing it again keeps them.
    paid.get_latest_revision().publish()
    paid = course(PAID)
    assert paid.approvals.count() == 1
    assert len(paid.credit_lines()) == 2


def test_the_learner_holds_one_valid_certificate_for_the_free_course():
    from courses.models import Certificate, CertificateStatus, CourseEvaluation

    learner = get_user_model().objects.get(email=LEARNER)
    for _run in range(2):
        seed()

    certificates = list(Certificate.objects.filter(enrollment__user=learner))
    assert len(certificates) == 1
    certificate = certificates[0]
    assert certificate.status == CertificateStatus.VALID
    assert certificate.course_title == course(FREE).title
    assert certificate.learner_name == "Jordan Ellis, LMSW"
    # The free course carries no CE: a certificate of completion, off the
    # CE transcript.
    assert certificate.ce_credit == "none"
    assert certificate.ce_hours == 0
    enrollment = Enrollment.objects.get(user=learner, course=course(FREE))
    assert enrollment.completed_at is not None
    assert certificate.enrollment == enrollment
    assert CourseEvaluation.objects.filter(enrollment=enrollment).count() == 1
    free_items = Page.objects.descendant_of(course(FREE)).type(LessonPage, QuizPage)
    assert ItemCompletion.objects.filter(user=learner).count() == free_items.count()
    assert not Certificate.objects.exclude(enrollment__user=learner).exists()


def test_the_learner_sees_the_certificate_and_its_verification(client):
    from courses.models import Certificate

    certificate = Certificate.objects.get(enrollment__user__email=LEARNER)
    assert client.login(email=LEARNER, password=PASSWORD)

    page = client.get(f"/certificates/{certificate.serial}/")
    verify = client.get(f"/certificates/verify/{certificate.serial}/")

    assert page.status_code == 200
    assert verify.status_code == 200
    assert "Valid" in verify.content.decode()


def test_a_second_run_after_a_deleted_approval_restores_it():
    from courses.models import Approval

    Approval.objects.filter(provider_number="DEMO-1234").delete()

    output = seed()

    assert "1 approval" in output
    assert course(PAID).approvals.filter(provider_number="DEMO-1234").count() == 1


def test_the_paid_course_asks_for_time_on_task_and_the_free_one_does_not():
    paid, free = course(PAID), course(FREE)

    assert (paid.course_time_percent, paid.lesson_time_percent) == (80, 50)
    assert paid.course_time_required_seconds() == 16 * 60 * 60  # 80% of 20 h
    assert free.course_time_required_seconds() == 0
    assert free.lesson_time_required_seconds(30) == 0


def test_a_second_run_keeps_the_instructors_minimum_times():
    paid = course(PAID)
    paid.course_time_percent = 60
    paid.lesson_time_percent = None
    paid.save_revision().publish()

    seed()

    paid = course(PAID)
    assert (paid.course_time_percent, paid.lesson_time_percent) == (60, None)
