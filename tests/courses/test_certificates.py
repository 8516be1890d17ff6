"""Certificates as learners, boards and auditors see them.

The PDF (read back with pypdf), the public verification page for every status,
serial normalization, privacy between learners, the transcript and its CSV,
the evaluation view that unlocks the certificate, and the email.
"""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date
from decimal import Decimal

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from pypdf import PdfReader

from accounts.models import ClinicianProfile
from courses.models import (
    Certificate,
    CertificateStatus,
    CourseEvaluation,
    Enrollment,
    EnrollmentSource,
)
from courses.selectors import TRANSCRIPT_COLUMNS, learner_transcript
from courses.services import (
    certificate_reissue,
    certificate_revoke,
    course_completion_attempt,
    enrollment_grant,
)
from tests.accounts.factories import UserFactory
from tests.cache_bumps import without_cache_bumps
from tests.courses.ce_support import (
    BODY_NAME,
    COURSE_TITLE,
    LICENSE_NUMBER,
    PROVIDER_NUMBER,
    STATEMENT,
    ce_course_build,
    enroll,
    evaluate,
    evaluation_post,
    final_take,
    lessons_complete,
    profile_fill,
)
from tests.courses.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def squash(text: str) -> str:
    """Text with every run of whitespace as one space, entities decoded."""
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def text_of(response) -> str:
    return squash(response.content.decode())


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def learner_user(db):
    return UserFactory(email="clinician@example.com")


@pytest.fixture
def certificate(learner_user, ce) -> Certificate:
    enroll(learner_user, ce)
    profile_fill(learner_user)
    lessons_complete(learner_user, ce)
    final_take(learner_user, ce)
    evaluate(learner_user, ce)
    certificate = course_completion_attempt(user=learner_user, course=ce.course)
    assert certificate is not None
    return certificate


@pytest.fixture
def owner_client(learner_user) -> Client:
    client = Client()
    client.force_login(learner_user)
    return client


def verify_url(serial: str) -> str:
    return reverse("certificate_verify", args=[serial])


# The PDF -------------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return squash(" ".join(page.extract_text() or "" for page in reader.pages))


def test_the_pdf_carries_every_required_field(owner_client, certificate, settings):
    settings.SITE_URL = (
        "http://127.0.0.1:8201"  # links follow SITE_URL, not the request
    )
    response = owner_client.get(reverse("certificate_pdf", args=[certificate.serial]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert certificate.serial in response["Content-Disposition"]
    text = pdf_text(response.content)
    flat = text.replace(" ", "")
    for field in [
        "Maria L. Gómez, LCSW",
        LICENSE_NUMBER,
        "TX",
        COURSE_TITLE,
        certificate.completed_on.strftime("%Y"),
        "Self-paced online",
        "General",
        "Ethics",
        "Practicum Academy",
        BODY_NAME,
        PROVIDER_NUMBER,
        STATEMENT,
        "Dana Reyes",
        certificate.serial,
    ]:
        assert field in text, field
    assert "3" in text  # the hours; exact formatting is the template's
    # The verify URL may wrap across lines in the PDF: compare without spaces.
    assert ("http://127.0.0.1:8201" + verify_url(certificate.serial)) in flat


def test_the_pdf_prints_the_completion_date(owner_client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(completed_on=date(2026, 3, 9))
    response = owner_client.get(reverse("certificate_pdf", args=[certificate.serial]))
    text = pdf_text(response.content)
    assert re.search(r"March 9, 2026|Mar\. 9, 2026|2026-03-09|9 March 2026", text), text


def test_the_certificate_page_shows_the_fields_and_the_verify_link(
    owner_client, certificate
):
    response = owner_client.get(
        reverse("certificate_detail", args=[certificate.serial])
    )

    assert response.status_code == 200
    text = text_of(response)
    assert certificate.serial in text
    assert COURSE_TITLE in text
    assert "Maria L. Gómez, LCSW" in text
    assert verify_url(certificate.serial) in text
    assert reverse("certificate_pdf", args=[certificate.serial]) in text


# Another learner's certificate ------------------------------------------------------


@pytest.mark.parametrize("name", ["certificate_detail", "certificate_pdf"])
def test_another_learners_certificate_is_404(certificate, name):
    other = UserFactory(email="other@example.com")
    client = Client()
    client.force_login(other)

    response = client.get(reverse(name, args=[certificate.serial]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["certificate_detail", "certificate_pdf"])
def test_a_visitor_is_sent_to_log_in(client, certificate, name):
    response = client.get(reverse(name, args=[certificate.serial]))
    assert response.status_code == 302
    assert "login" in response["Location"]


# Verification ------------------------------------------------------------------------


def test_verify_a_valid_certificate(client, certificate):
    response = client.get(verify_url(certificate.serial))

    assert response.status_code == 200
    text = text_of(response)
    assert "Valid" in text
    assert "Maria L. Gómez, LCSW" in text
    assert COURSE_TITLE in text
    assert "3" in text
    assert LICENSE_NUMBER not in text
    assert certificate.license_number_masked in text
    assert LICENSE_NUMBER[-3:] in text


def test_verify_a_revoked_certificate(client, certificate):
    certificate_revoke(certificate=certificate, reason="Issued in error")

    response = client.get(verify_url(certificate.serial))

    assert response.status_code == 200
    text = text_of(response)
    assert "Revoked" in text
    assert ">Valid<" not in response.content.decode()
    assert LICENSE_NUMBER not in text


def test_verify_a_reissued_certificate_points_to_its_replacement(
    client, certificate, learner_user
):
    profile_fill(learner_user, name_on_certificate="Maria Gómez-Ruiz, LCSW")
    copy = certificate_reissue(certificate=certificate)

    old = client.get(verify_url(certificate.serial))
    new = client.get(verify_url(copy.serial))

    assert old.status_code == 200
    old_text = text_of(old)
    assert "Reissued" in old_text or "replaced" in old_text.lower()
    assert copy.serial in old_text
    assert verify_url(copy.serial) in old.content.decode()
    assert new.status_code == 200
    new_text = text_of(new)
    assert "Valid" in new_text
    assert "corrected copy" in new_text.lower()
    assert "Maria Gómez-Ruiz, LCSW" in new_text
    for response in (old, new):
        assert LICENSE_NUMBER not in text_of(response)


def test_the_reissue_keeps_the_original(certificate, learner_user):
    copy = certificate_reissue(certificate=certificate)

    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REISSUED
    assert copy.replaces == certificate
    assert copy.status == CertificateStatus.VALID
    assert copy.serial != certificate.serial
    assert copy.completed_on == certificate.completed_on
    assert Certificate.objects.filter(enrollment=certificate.enrollment).count() == 2


def test_verify_an_unknown_serial_is_404(client, certificate):
    response = client.get(verify_url("PRC-ZZZZ-ZZZZ-ZZZZ"))
    garbage = client.get(verify_url("not-a-serial"))

    assert response.status_code == 404
    assert garbage.status_code == 404
    assert "Maria" not in text_of(response)


def test_verify_needs_no_login_and_is_not_cached(client, certificate):
    response = client.get(verify_url(certificate.serial))
    assert response.status_code == 200
    assert "no-cache" in response.get("Cache-Control", "") or "max-age=0" in (
        response.get("Cache-Control", "")
    )


@pytest.mark.parametrize(
    "typed",
    [
        "prc-10ab-cd01-ef23",
        "PRC 10AB CD01 EF23",
        "prc-1oab-cdo1-ef23",  # O for 0
        "PRC-I0AB-CD0L-EF23",  # I and L for 1
        "10abcd01ef23",  # without the prefix
    ],
)
def test_serial_normalization_finds_the_certificate(client, certificate, typed):
    Certificate.objects.filter(pk=certificate.pk).update(serial="PRC-10AB-CD01-EF23")

    response = client.get(verify_url(typed))

    assert response.status_code == 200
    assert "PRC-10AB-CD01-EF23" in text_of(response)


# The transcript ---------------------------------------------------------------------


def _certificate_on(user, course, *, completed_on, credits, hours, status="valid"):
    enrollment, _ = enrollment_grant(
        user=user, course=course, source=EnrollmentSource.MANUAL
    )
    return Certificate.objects.create(
        enrollment=enrollment,
        serial=f"PRC-{course.pk:04d}-AAAA-{completed_on.year % 10000:04d}",
        status=status,
        learner_name="Maria",
        course_title=course.title,
        completed_on=completed_on,
        ce_hours=Decimal(hours),
        credits=credits,
        ce_format="Self-paced online",
        provider_name="Practicum Academy",
        approvals=[{"body": BODY_NAME, "provider_number": PROVIDER_NUMBER}],
    )


@pytest.fixture
def transcript_user(course_index):
    user = UserFactory(email="transcript@example.com")
    courses = [
        CoursePageFactory(parent=course_index, title=f"CE {n}", slug=f"ce-{n}")
        for n in range(4)
    ]
    _certificate_on(
        user,
        courses[0],
        completed_on=date(2025, 5, 1),
        credits=[["General", "2.00"], ["Ethics", "1.00"]],
        hours="3.00",
    )
    _certificate_on(
        user,
        courses[1],
        completed_on=date(2026, 2, 1),
        credits=[["General", "4.50"]],
        hours="4.50",
    )
    _certificate_on(
        user,
        courses[2],
        completed_on=date(2026, 6, 1),
        credits=[["Ethics", "2.00"], ["Clinical", "1.00"]],
        hours="3.00",
    )
    _certificate_on(  # revoked: never counted
        user,
        courses[3],
        completed_on=date(2026, 7, 1),
        credits=[["General", "10.00"]],
        hours="10.00",
        status=CertificateStatus.REVOKED,
    )
    return user


def test_transcript_sums_by_credit_type_and_year(transcript_user):
    transcript = learner_transcript(user=transcript_user)

    assert len(transcript.certificates) == 3
    assert transcript.total_hours == Decimal("10.50")
    assert dict(transcript.by_type) == {
        "Clinical": Decimal("1.00"),
        "Ethics": Decimal("3.00"),
        "General": Decimal("6.50"),
    }
    assert [(year, total) for year, total, _lines in transcript.by_year] == [
        (2026, Decimal("7.50")),
        (2025, Decimal("3.00")),
    ]
    assert dict(transcript.by_year[0][2]) == {
        "Clinical": Decimal("1.00"),
        "Ethics": Decimal("2.00"),
        "General": Decimal("4.50"),
    }


def test_transcript_counts_a_corrected_copy_once(certificate, learner_user):
    certificate_reissue(certificate=certificate)

    transcript = learner_transcript(user=learner_user)

    assert len(transcript.certificates) == 1
    assert transcript.total_hours == Decimal("3.00")


def test_transcript_page_shows_the_sums(transcript_user):
    client = Client()
    client.force_login(transcript_user)

    response = client.get(reverse("transcript"))

    assert response.status_code == 200
    text = text_of(response)
    assert "10.5" in text
    assert "6.5" in text
    assert "2026" in text and "2025" in text
    assert "CE 3" not in text  # the revoked certificate


def test_transcript_csv_rows_and_columns(transcript_user):
    client = Client()
    client.force_login(transcript_user)

    response = client.get(reverse("transcript_csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == TRANSCRIPT_COLUMNS
    assert rows[0] == [
        "serial",
        "course",
        "completed_on",
        "ce_hours",
        "credits",
        "format",
        "approvals",
        "status",
        "corrected_copy",
    ]
    body = rows[1:]
    assert [row[1] for row in body] == ["CE 2", "CE 1", "CE 0"]  # newest first
    assert body[0][2] == "2026-06-01"
    assert body[0][3] == "3.00"
    assert body[0][4] == "Ethics: 2.00; Clinical: 1.00"
    assert body[0][5] == "Self-paced online"
    assert body[0][6] == f"{BODY_NAME} ({PROVIDER_NUMBER})"
    assert body[0][7] == "Valid"
    assert body[0][8] == "no"
    assert all(len(row) == len(TRANSCRIPT_COLUMNS) for row in body)


def test_transcript_pdf_downloads(transcript_user):
    client = Client()
    client.force_login(transcript_user)

    response = client.get(reverse("transcript_pdf"))

    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "CE 0" in text and "CE 2" in text
    assert "CE 3" not in text


def test_a_transcript_shows_only_the_learners_own(transcript_user, certificate):
    client = Client()
    client.force_login(transcript_user)
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("transcript_csv")).content.decode()))
    )
    assert certificate.serial not in {row[0] for row in rows}


# The evaluation view ------------------------------------------------------------------


def evaluation_url(ce) -> str:
    return reverse("course_evaluation", args=[ce.course.pk])


def test_evaluation_before_completion_lists_what_is_missing(
    owner_client, learner_user, ce
):
    enroll(learner_user, ce)

    response = owner_client.get(evaluation_url(ce))

    assert response.status_code == 200
    text = text_of(response)
    assert "Complete every required lesson and quiz (0 of 3)." in text
    assert "Pass the final assessment." in text


def test_evaluation_post_before_completion_saves_nothing(
    owner_client, learner_user, ce
):
    enroll(learner_user, ce)

    response = owner_client.post(evaluation_url(ce), evaluation_post(ce))

    assert response.status_code == 200
    assert not CourseEvaluation.objects.exists()
    assert not Certificate.objects.exists()


@pytest.fixture
def ready(learner_user, ce):
    """Everything done but the evaluation; the profile still empty."""
    enroll(learner_user, ce)
    lessons_complete(learner_user, ce)
    final_take(learner_user, ce)
    return ce


def test_evaluation_get_when_ready_shows_the_form(owner_client, ready):
    response = owner_client.get(evaluation_url(ready))

    assert response.status_code == 200
    content = response.content.decode()
    for name in [
        "objective_0",
        "objective_1",
        "relevance",
        "content_quality",
        "instructor_effectiveness",
        "hours_spent",
        "comments",
        "name_on_certificate",
        "license_type",
        "license_number",
        "license_state",
    ]:
        assert f'name="{name}"' in content, name


def test_evaluation_post_issues_the_certificate_and_redirects_to_it(
    owner_client, learner_user, ready, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(evaluation_url(ready), evaluation_post(ready))

    certificate = Certificate.objects.get(enrollment__user=learner_user)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certificate_detail", args=[certificate.serial]
    )
    evaluation = CourseEvaluation.objects.get(enrollment__user=learner_user)
    assert evaluation.relevance == 5
    assert evaluation.content_quality == 4
    assert evaluation.hours_spent == Decimal("3.5")
    assert evaluation.objective_ratings == {
        "Map a life to its record sources.": 5,
        "Write a records request.": 5,
    }
    profile = ClinicianProfile.objects.get(user=learner_user)
    assert profile.license_number == LICENSE_NUMBER
    assert certificate.license_number == LICENSE_NUMBER
    assert certificate.learner_name == "Maria L. Gómez, LCSW"
    # Once issued, the evaluation URL leads to the certificate.
    again = owner_client.get(evaluation_url(ready))
    assert again.status_code == 302
    assert again["Location"] == response["Location"]


@pytest.mark.parametrize(
    "overrides",
    [
        {"relevance": ""},
        {"relevance": "9"},
        {"objective_1": ""},
        {"hours_spent": "-1"},
        {"name_on_certificate": ""},
        {"license_number": ""},
        {"license_state": "ZZ"},
    ],
)
def test_evaluation_invalid_data_rerenders_and_saves_nothing(
    owner_client, learner_user, ready, overrides
):
    response = owner_client.post(
        evaluation_url(ready), evaluation_post(ready, **overrides)
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "There is a problem" in text_of(response)
    assert not CourseEvaluation.objects.exists()
    assert not Certificate.objects.exists()
    profile = ClinicianProfile.objects.filter(user=learner_user).first()
    assert profile is None or profile.license_number == ""


def test_evaluation_needs_login(client, ce):
    response = client.get(evaluation_url(ce))
    assert response.status_code == 302


# The email -------------------------------------------------------------------------


def test_the_certificate_email_is_sent_once_on_commit(
    owner_client, learner_user, ready, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        owner_client.post(evaluation_url(ready), evaluation_post(ready))
        assert mail.outbox == []  # nothing before the commit
    assert len(callbacks) >= 1
    with django_capture_on_commit_callbacks(execute=True):
        course_completion_attempt(user=learner_user, course=ready.course)
        owner_client.get(evaluation_url(ready))

    certificate = Certificate.objects.get(enrollment__user=learner_user)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner_user.email]
    assert COURSE_TITLE in message.subject
    assert verify_url(certificate.serial) in message.body
    assert LICENSE_NUMBER not in message.body


def test_no_email_when_the_transaction_rolls_back(
    learner_user, ready, django_capture_on_commit_callbacks
):
    profile_fill(learner_user)
    evaluate(learner_user, ready)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        course_completion_attempt(user=learner_user, course=ready.course)
    assert len(without_cache_bumps(callbacks)) == 1  # queued for the commit, not sent
    assert mail.outbox == []
    assert Enrollment.objects.get(user=learner_user).completed_at is not None
