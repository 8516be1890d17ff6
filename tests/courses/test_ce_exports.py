"""The auditor's records: certificate, roster and evaluation exports round-trip.

Each export is downloaded as the instructor (a superuser), parsed back with
the csv module or openpyxl, and every certificate is found with its credit
lines, in readable columns.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from django.urls import reverse

import openpyxl
import pytest

from courses.models import Certificate, CertificateStatus, CourseEvaluation
from courses.services.certificates import _certificate_snapshot
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    BODY_NAME,
    EVALUATION,
    PROVIDER_NUMBER,
    ce_course_build,
    enroll,
    profile_fill,
)


def _evaluation(enrollment, **overrides) -> CourseEvaluation:
    return CourseEvaluation.objects.create(
        enrollment=enrollment, **{**EVALUATION, **overrides}
    )


CERTIFICATES = "ce_certificates:index"
ROSTER = "/admin/reports/ce-roster/"
SUMMARY = "/admin/reports/evaluation-summary/"


def _csv_rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


def _xlsx_rows(response) -> list[dict[str, object]]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


def _issue_certificate(ce, email: str, name: str, serial: str) -> Certificate:
    """A certificate with the snapshot the completion service prints."""
    user = UserFactory(email=email)
    enrollment = enroll(user, ce)
    profile_fill(user, name_on_certificate=name)
    return Certificate.objects.create(
        enrollment=enrollment,
        serial=serial,
        completed_on=datetime.date(2026, 3, 1),
        **_certificate_snapshot(
            enrollment=enrollment, course=ce.course, post_test_score=90
        ),
    )


@pytest.fixture
def certificates(course_index) -> list[Certificate]:
    """Three certificates with credit lines: two earned, one corrected copy."""
    ce = ce_course_build(parent=course_index)
    first = _issue_certificate(ce, "ana@example.com", "Ana Ruiz, LCSW", "PRC-ANA")
    second = _issue_certificate(ce, "ben@example.com", "Ben Okafor, LMSW", "PRC-BEN")
    for certificate in (first, second):
        _evaluation(certificate.enrollment)
    second.status = CertificateStatus.REISSUED
    second.save()
    copy = Certificate.objects.create(
        enrollment=second.enrollment,
        serial="PRC-COPY-0001",
        replaces=second,
        learner_name="Ben A. Okafor, LMSW",
        course_title=second.course_title,
        completed_on=second.completed_on,
        ce_hours=Decimal("20.00"),
        credits=[["General", "17.00"], ["Ethics", "3.00"]],
        approvals=second.approvals,
        provider_name=second.provider_name,
    )
    return [first, second, copy]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_certificate_export_has_every_certificate_with_its_credit_lines(
    export, instructor_client, certificates
):
    # Given three certificates carrying credit lines
    first, second, copy = certificates

    # When the instructor downloads the certificates
    response = instructor_client.get(reverse(CERTIFICATES), {"export": export})

    # Then every certificate is there, with readable credit lines
    rows = _csv_rows(response) if export == "csv" else _xlsx_rows(response)
    by_serial = {row["Serial"]: row for row in rows}
    assert set(by_serial) == {first.serial, second.serial, copy.serial}
    assert by_serial[first.serial]["Credit lines"] == "General 2.00 h; Ethics 1.00 h"
    assert by_serial[copy.serial]["Credit lines"] == "General 17.00 h; Ethics 3.00 h"
    assert by_serial[first.serial]["Learner email"] == "ana@example.com"
    assert by_serial[second.serial]["Status"] == "Replaced by a corrected copy"
    assert by_serial[copy.serial]["Corrects certificate"] == second.serial
    assert by_serial[first.serial]["Corrects certificate"] in ("", None)
    period = first.approvals[0]
    assert by_serial[first.serial]["Approvals"] == (
        f"{BODY_NAME} (provider number {PROVIDER_NUMBER}), approval period "
        f"{period['period_start']} – {period['period_end']}"
    )


def test_certificate_csv_has_one_number_column_per_credit_type(
    instructor_client, certificates
):
    rows = _csv_rows(instructor_client.get(reverse(CERTIFICATES), {"export": "csv"}))

    copy = next(row for row in rows if row["Serial"] == "PRC-COPY-0001")
    assert copy["General hours"] == "17.00"
    assert copy["Ethics hours"] == "3.00"
    assert copy["Clinical hours"] == ""
    assert copy["Completed on"] == certificates[2].completed_on.isoformat()


def test_certificate_xlsx_keeps_dates_and_hours_as_values(
    instructor_client, certificates
):
    rows = _xlsx_rows(instructor_client.get(reverse(CERTIFICATES), {"export": "xlsx"}))

    copy = next(row for row in rows if row["Serial"] == "PRC-COPY-0001")
    assert copy["Completed on"] == certificates[2].completed_on
    assert copy["General hours"] == 17
    assert copy["CE hours"] == 20
    assert "None" not in copy.values()


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_roster_export_lists_every_certificate(export, instructor_client, certificates):
    response = instructor_client.get(ROSTER, {"export": export})

    rows = _csv_rows(response) if export == "csv" else _xlsx_rows(response)
    assert {row["Learner email"] for row in rows} == {
        "ana@example.com",
        "ben@example.com",
    }
    serials = {row["Certificate serial"] for row in rows}
    assert serials == {certificates[0].serial, "PRC-COPY-0001"}


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_evaluation_summary_export_in_both_formats(
    export, instructor_client, certificates
):
    response = instructor_client.get(SUMMARY, {"export": export})

    rows = _csv_rows(response) if export == "csv" else _xlsx_rows(response)
    assert len(rows) == 1
    assert rows[0]["Course"] == "Records for Clinicians"
    assert str(rows[0]["Evaluations"]) == "2"
