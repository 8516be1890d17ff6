"""The instructor's CE tools in the Wagtail admin: reports, revoke, reissue."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from django.apps import apps
from django.urls import reverse

import pytest

from accounts.models import ClinicianProfile
from courses.admin.dashboard import approvals_outside_period_on_live_courses
from courses.models import (
    Approval,
    Certificate,
    CertificateStatus,
    CourseEvaluation,
    Enrollment,
)
from tests.accounts.factories import UserFactory

ROSTER = "/admin/reports/ce-roster/"
SUMMARY = "/admin/reports/evaluation-summary/"
HEADER = [
    "Learner email",
    "Name on certificate",
    "License type",
    "License number",
    "License state",
    "Course",
    "Enrolled on",
    "Completed on",
    "Post-test best passing score (%)",
    "Evaluation submitted",
    "Certificate serial",
    "Certificate status",
]


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


def _certificate(enrollment, *, serial="PRC-AAAA-BBBB", **overrides) -> Certificate:
    fields = {
        "enrollment": enrollment,
        "serial": serial,
        "learner_name": "Maria L. Gómez, LCSW",
        "license_type": "LCSW",
        "license_number": "LCSW-12345",
        "license_state": "CA",
        "course_title": enrollment.course.title,
        "completed_on": datetime.date(2025, 3, 1),
        "ce_hours": Decimal("6.00"),
        "provider_name": "Practicum Academy",
        "post_test_score": 90,
    }
    fields.update(overrides)
    return Certificate.objects.create(**fields)


def _evaluation(enrollment, **overrides) -> CourseEvaluation:
    fields = {
        "enrollment": enrollment,
        "objective_ratings": {"Build a life history": 5},
        "relevance": 5,
        "content_quality": 4,
        "instructor_effectiveness": 5,
        "hours_spent": Decimal("6.0"),
        "comments": "",
    }
    fields.update(overrides)
    return CourseEvaluation.objects.create(**fields)


def _final_attempt(user, course, *, number, score):
    return apps.get_model("lessons", "QuizAttempt").objects.create(
        user=user,
        course=course,
        quiz_title="Final assessment",
        number=number,
        seed=1,
        snapshot={},
        pass_mark=80,
        is_final_assessment=True,
        question_count=10,
        correct_count=score // 10,
        score_percent=score,
        passed=score >= 80,
        submitted_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
    )


@pytest.fixture
def completed_enrollment(course, enrolled_learner) -> Enrollment:
    ClinicianProfile.objects.create(
        user=enrolled_learner,
        name_on_certificate="Maria L. Gómez, LCSW",
        license_type="LCSW",
        license_number="LCSW-12345",
        license_state="CA",
    )
    enrollment = Enrollment.objects.get(user=enrolled_learner, course=course)
    enrollment.completed_at = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    enrollment.post_test_score = 90  # what lessons records of the passed attempt
    enrollment.save()
    _final_attempt(enrolled_learner, course, number=1, score=70)
    _final_attempt(enrolled_learner, course, number=2, score=90)
    _evaluation(enrollment, comments="Very useful.")
    _certificate(enrollment)
    return enrollment


# CE roster -----------------------------------------------------------------------


def test_roster_csv_has_the_header_and_one_row_per_enrollment(
    instructor_client, completed_enrollment, course, learner
):
    # Given a completed enrollment and a second learner just enrolled
    Enrollment.objects.create(user=learner, course=course, source="free")

    # When the instructor exports the roster
    response = instructor_client.get(ROSTER, {"export": "csv"})

    # Then the CSV has the header and one row per enrollment
    assert response.status_code == 200
    rows = _csv(response)
    assert rows[0] == HEADER
    assert len(rows) == 3
    by_email = {row[0]: row for row in rows[1:]}
    done = by_email["enrolled@example.com"]
    assert done[1:6] == [
        "Maria L. Gómez, LCSW",
        "LCSW",
        "LCSW-12345",
        "CA",
        "Mitigation 101",
    ]
    assert done[7] == "2025-03-01"
    assert done[8] == "90"  # the best passing final-assessment score
    assert done[9:] == ["yes", "PRC-AAAA-BBBB", "Valid"]
    pending = by_email["learner@example.com"]
    assert pending[7:] == ["", "", "no", "", ""]


def test_roster_filters_by_course(
    instructor_client, completed_enrollment, paid_course, learner
):
    Enrollment.objects.create(user=learner, course=paid_course, source="free")

    response = instructor_client.get(
        ROSTER, {"export": "csv", "course": completed_enrollment.course_id}
    )

    rows = _csv(response)
    assert [row[0] for row in rows[1:]] == ["enrolled@example.com"]


def test_roster_html_lists_the_learner(instructor_client, completed_enrollment):
    response = instructor_client.get(ROSTER)

    assert response.status_code == 200
    content = response.content.decode()
    assert "enrolled@example.com" in content
    assert "PRC-AAAA-BBBB" in content


def test_roster_xlsx_export(instructor_client, completed_enrollment):
    response = instructor_client.get(ROSTER, {"export": "xlsx"})

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_roster_shows_the_corrected_copy(instructor_client, completed_enrollment):
    original = completed_enrollment.certificates.get()
    original.status = CertificateStatus.REISSUED
    original.save()
    _certificate(
        completed_enrollment,
        serial="PRC-CCCC-DDDD",
        replaces=original,
        learner_name="Maria Gómez-Ruiz, LCSW",
    )

    rows = _csv(instructor_client.get(ROSTER, {"export": "csv"}))

    assert rows[1][1] == "Maria Gómez-Ruiz, LCSW"
    assert rows[1][10:] == ["PRC-CCCC-DDDD", "Valid"]


# Evaluation summary ------------------------------------------------------------


def test_evaluation_summary_numbers(instructor_client, course, paid_course):
    # Given two evaluations of one course and none of the other
    first = Enrollment.objects.create(user=UserFactory(), course=course, source="free")
    second = Enrollment.objects.create(user=UserFactory(), course=course, source="free")
    _evaluation(
        first,
        relevance=5,
        content_quality=4,
        instructor_effectiveness=5,
        hours_spent=Decimal("6.0"),
        comments="Great.",
        objective_ratings={"Build a life history": 5, "Find records": 4},
    )
    _evaluation(
        second,
        relevance=4,
        content_quality=3,
        instructor_effectiveness=4,
        hours_spent=Decimal("5.0"),
        comments="",
        objective_ratings={"Build a life history": 4, "Find records": 2},
    )

    # When the instructor exports the summary
    rows = _csv(instructor_client.get(SUMMARY, {"export": "csv"}))

    # Then one row for the evaluated course carries the counts and averages
    assert rows[0][:2] == ["Course", "Evaluations"]
    assert len(rows) == 2
    assert rows[1][:7] == ["Mitigation 101", "2", "4.50", "3.50", "4.50", "5.50", "1"]
    assert rows[1][7] == "Build a life history: 4.50; Find records: 3.00"


def test_evaluation_summary_page_renders(instructor_client, completed_enrollment):
    response = instructor_client.get(SUMMARY)

    assert response.status_code == 200
    assert "Mitigation 101" in response.content.decode()


# Certificates: revoke and reissue ------------------------------------------------


def test_certificate_listing_and_inspect_show_the_actions(
    instructor_client, completed_enrollment
):
    certificate = completed_enrollment.certificates.get()

    listing = instructor_client.get(reverse("ce_certificates:index"))
    inspect = instructor_client.get(
        reverse("ce_certificates:inspect", args=[certificate.pk])
    )

    assert "PRC-AAAA-BBBB" in listing.content.decode()
    content = inspect.content.decode()
    assert reverse("courses_certificate_revoke", args=[certificate.pk]) in content
    assert reverse("courses_certificate_reissue", args=[certificate.pk]) in content


def test_certificate_export_csv(instructor_client, completed_enrollment):
    response = instructor_client.get(
        reverse("ce_certificates:index"), {"export": "csv"}
    )

    header, row = _csv(response)
    record = dict(zip(header, row, strict=True))
    assert record["Serial"] == "PRC-AAAA-BBBB"
    assert record["Learner email"] == "enrolled@example.com"


def test_revoke_through_the_admin(instructor_client, completed_enrollment):
    certificate = completed_enrollment.certificates.get()
    url = reverse("courses_certificate_revoke", args=[certificate.pk])

    assert instructor_client.get(url).status_code == 200
    response = instructor_client.post(url, {"reason": "Issued in error."})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoke_reason == "Issued in error."
    assert certificate.revoked_at is not None


def test_revoke_needs_a_reason(instructor_client, completed_enrollment):
    certificate = completed_enrollment.certificates.get()
    url = reverse("courses_certificate_revoke", args=[certificate.pk])

    response = instructor_client.post(url, {"reason": ""})

    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_reissue_through_the_admin(instructor_client, completed_enrollment):
    # Given the learner corrected their name after the certificate was issued
    certificate = completed_enrollment.certificates.get()
    ClinicianProfile.objects.filter(user=completed_enrollment.user).update(
        name_on_certificate="Maria Gómez-Ruiz, LCSW"
    )
    url = reverse("courses_certificate_reissue", args=[certificate.pk])

    # When the instructor issues a corrected copy
    assert instructor_client.get(url).status_code == 200
    response = instructor_client.post(url)

    # Then the copy has a new serial, the new name, and points at the original
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REISSUED
    copy = certificate.replaced_by
    assert copy.serial != certificate.serial
    assert copy.status == CertificateStatus.VALID
    assert copy.learner_name == "Maria Gómez-Ruiz, LCSW"
    assert copy.completed_on == certificate.completed_on
    assert response.url == reverse("ce_certificates:inspect", args=[copy.pk])


def test_a_revoked_certificate_cannot_be_reissued(
    instructor_client, completed_enrollment
):
    certificate = completed_enrollment.certificates.get()
    certificate.status = CertificateStatus.REVOKED
    certificate.save()

    response = instructor_client.post(
        reverse("courses_certificate_reissue", args=[certificate.pk])
    )

    assert response.status_code == 302
    assert completed_enrollment.certificates.count() == 1


@pytest.mark.parametrize(
    "url_name", ["roster", "summary", "revoke", "reissue", "certificates"]
)
def test_learners_are_kept_out(url_name, enrolled_client, completed_enrollment):
    certificate = completed_enrollment.certificates.get()
    url = {
        "roster": ROSTER,
        "summary": SUMMARY,
        "revoke": reverse("courses_certificate_revoke", args=[certificate.pk]),
        "reissue": reverse("courses_certificate_reissue", args=[certificate.pk]),
        "certificates": reverse("ce_certificates:index"),
    }[url_name]

    get = enrolled_client.get(url)
    post = enrolled_client.post(url, {"reason": "x"})

    assert get.status_code in (302, 403)
    assert post.status_code in (302, 403)
    if get.status_code == 302:
        assert "login" in get.url
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_editors_without_certificate_permissions_cannot_revoke(
    editor_client, completed_enrollment
):
    certificate = completed_enrollment.certificates.get()

    response = editor_client.post(
        reverse("courses_certificate_revoke", args=[certificate.pk]),
        {"reason": "x"},
    )

    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


# Approvals -------------------------------------------------------------------------


def _approval(**overrides) -> Approval:
    fields = {
        "body_name": "Fictional Board of Social Work",
        "provider_number": "FB-0001",
        "period_start": datetime.date(2020, 1, 1),
        "period_end": datetime.date(2021, 1, 1),
        "statement": "Approved.",
    }
    fields.update(overrides)
    return Approval.objects.create(**fields)


def test_lapsed_approval_on_a_live_course_is_flagged(instructor_client, course):
    lapsed = _approval()
    current = _approval(
        provider_number="FB-0002",
        period_end=datetime.date.today() + datetime.timedelta(days=30),
    )
    course.approvals.add(lapsed, current)
    course.save_revision().publish()

    assert list(approvals_outside_period_on_live_courses()) == [lapsed]
    home = instructor_client.get("/admin/").content.decode()
    assert "CE approvals outside their period" in home
    assert "FB-0001" in home


def test_approval_listing_says_which_are_current(instructor_client):
    _approval()

    response = instructor_client.get(reverse("wagtailsnippets_courses_approval:list"))

    assert response.status_code == 200
    assert "Outside its period" in response.content.decode()
