"""Records for boards: the board roster of one course and period, as CSV and XLSX.

The instructor picks a course and the completion dates; the export is parsed
back and compared with the certificates it lists: name and license as
printed, approval body and number, completion date, hours by credit type,
and the learner's time on task in whole minutes.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
import re
from decimal import Decimal

from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

import openpyxl
import pytest

from courses.models import CECredit, Certificate, CertificateStatus, LessonTime
from courses.services.certificates import _certificate_snapshot
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    BODY_NAME,
    LICENSE_NUMBER,
    PROVIDER_NUMBER,
    ce_course_build,
    enroll,
    profile_fill,
)

pytestmark = pytest.mark.django_db

URL = "/admin/reports/board-roster/"
MARCH = datetime.date(2026, 3, 1)


def _issue(ce, email: str, name: str, serial: str, completed_on=MARCH, **changes):
    """A certificate with the snapshot the completion service prints."""
    user = UserFactory(email=email)
    enrollment = enroll(user, ce)
    profile_fill(user, name_on_certificate=name)
    snapshot = _certificate_snapshot(
        enrollment=enrollment, course=ce.course, post_test_score=90
    )
    return Certificate.objects.create(
        enrollment=enrollment,
        serial=serial,
        completed_on=completed_on,
        **{**snapshot, **changes},
    )


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def certificates(ce) -> dict[str, Certificate]:
    """In the period: two in force (one a corrected copy). Out of it: one too
    late, one revoked, one replaced, one that awards no CE hours."""
    made = {
        "ana": _issue(ce, "ana@example.com", "Ana Ruiz, LCSW", "PRC-ANA"),
        "late": _issue(
            ce,
            "lee@example.com",
            "Lee Park, LPC",
            "PRC-LATE",
            completed_on=datetime.date(2026, 7, 1),
        ),
        "revoked": _issue(
            ce,
            "rob@example.com",
            "Rob Tan, LMFT",
            "PRC-REVOKED",
            status=CertificateStatus.REVOKED,
        ),
        "none": _issue(
            ce,
            "nia@example.com",
            "Nia Cole, LCSW",
            "PRC-NONE",
            ce_credit=CECredit.NOT_APPROVED,
            ce_hours=Decimal("0"),
            credits=[],
            approvals=[],
        ),
        "ben": _issue(
            ce,
            "ben@example.com",
            "Ben Okafor, LMSW",
            "PRC-BEN",
            status=CertificateStatus.REISSUED,
        ),
    }
    # Ana spent 47 minutes and 10 seconds in the lessons; Ben none.
    for lesson, seconds in zip(ce.lessons, [1500, 1330], strict=True):
        LessonTime.objects.create(
            user=made["ana"].enrollment.user,
            page=lesson,
            course=ce.course,
            first_opened_at=timezone.now(),
            seconds=seconds,
        )
    original = made["ben"]
    made["copy"] = Certificate.objects.create(
        enrollment=original.enrollment,
        serial="PRC-COPY",
        replaces=original,
        completed_on=original.completed_on,
        **{
            **_certificate_snapshot(
                enrollment=original.enrollment, course=ce.course, post_test_score=90
            ),
            "learner_name": "Ben A. Okafor, LMSW",
        },
    )
    return made


def query(ce, export: str | None = "csv", **changes) -> dict[str, str]:
    params = {
        "course": str(ce.course.pk),
        "completed_from": "2026-01-01",
        "completed_to": "2026-06-30",
        **changes,
    }
    if export:
        params["export"] = export
    return params


def rows_of(response, export: str) -> list[dict]:
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    body = b"".join(response.streaming_content)
    if export == "csv":
        return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


MINUTES = {"PRC-ANA": 47, "PRC-COPY": 0}


def expected_row(certificate: Certificate, export: str) -> dict:
    """What the roster must say about ``certificate``, read from its snapshot."""
    approval = certificate.approvals[0]

    def hours(value):
        if value is None:
            return "" if export == "csv" else None
        return f"{value:.2f}" if export == "csv" else float(value)

    credits = {label: Decimal(h) for label, h in certificate.credits}
    return {
        "Name as printed": certificate.learner_name,
        "License type": certificate.license_type,
        "License number": certificate.license_number,
        "License state": certificate.license_state,
        "Approval body": approval["body"],
        "Approval number": approval["provider_number"],
        "Approval period": f"{approval['period_start']} – {approval['period_end']}",
        "Completion date": (
            certificate.completed_on.isoformat()
            if export == "csv"
            else datetime.datetime.combine(certificate.completed_on, datetime.time())
        ),
        "CE hours": hours(certificate.ce_hours),
        "General hours": hours(credits.get("General")),
        "Ethics hours": hours(credits.get("Ethics")),
        "Clinical hours": hours(credits.get("Clinical")),
        "Cultural competence hours": hours(credits.get("Cultural competence")),
        "Supervision hours": hours(credits.get("Supervision")),
        "Time on task (minutes)": (
            str(MINUTES[certificate.serial])
            if export == "csv"
            else MINUTES[certificate.serial]
        ),
        "Certificate serial": certificate.serial,
    }


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_board_roster_round_trips(export, instructor_client, ce, certificates):
    # Given certificates in and out of the period
    # When the instructor downloads the roster for January to June
    response = instructor_client.get(URL, query(ce, export))

    # Then parsed back, it holds exactly the certificates in force, as printed
    rows = rows_of(response, export)
    assert [row["Certificate serial"] for row in rows] == ["PRC-ANA", "PRC-COPY"]
    for row, key in zip(rows, ["ana", "copy"], strict=True):
        certificate = certificates[key]
        if export == "xlsx" and isinstance(row["Completion date"], datetime.date):
            row["Completion date"] = datetime.datetime.combine(
                row["Completion date"], datetime.time()
            )
        assert row == expected_row(certificate, export)
    ana = rows[0]
    assert ana["Name as printed"] == "Ana Ruiz, LCSW"
    assert ana["License number"] == LICENSE_NUMBER
    assert ana["License state"] == "TX"
    assert ana["Approval body"] == BODY_NAME
    assert ana["Approval number"] == PROVIDER_NUMBER
    assert list(ana)[-2] == "Time on task (minutes)"


def test_the_file_is_named_for_the_course_and_period(
    instructor_client, ce, certificates
):
    response = instructor_client.get(URL, query(ce, "xlsx"))

    assert (
        "board-roster-records-for-clinicians-2026-01-01-to-2026-06-30.xlsx"
        in response["Content-Disposition"]
    )


def test_a_learner_written_formula_is_neutralised_in_the_csv(
    instructor_client, ce, certificates
):
    Certificate.objects.filter(pk=certificates["ana"].pk).update(
        learner_name='=HYPERLINK("http://evil.example","Ana")'
    )

    rows = rows_of(instructor_client.get(URL, query(ce, "csv")), "csv")

    assert rows[0]["Name as printed"].startswith("'=HYPERLINK")


def test_the_form_offers_course_and_period(instructor_client):
    response = instructor_client.get(URL)

    assert response.status_code == 200
    text = text_of(response)
    assert "Board roster" in text
    assert "Completed from" in text
    assert "Time on task is the learner's time in the course's lessons" in text


def test_a_missing_course_and_dates_rerender_with_messages(instructor_client, ce):
    response = instructor_client.get(
        URL, {"export": "csv", "course": "", "completed_from": "", "completed_to": ""}
    )

    assert response.status_code == 200
    assert "Content-Disposition" not in response
    text = text_of(response)
    assert "Choose the course to export." in text
    assert "Enter the first day of the period." in text
    assert "Enter the last day of the period." in text


def test_a_period_that_ends_before_it_starts_rerenders(instructor_client, ce):
    response = instructor_client.get(
        URL, query(ce, completed_from="2026-06-30", completed_to="2026-01-01")
    )

    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert "The period ends before it starts" in text_of(response)
    assert 'value="2026-06-30"' in response.content.decode()


def test_a_period_without_certificates_says_so(instructor_client, ce, certificates):
    response = instructor_client.get(
        URL, query(ce, completed_from="2020-01-01", completed_to="2020-12-31")
    )

    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert "so there is nothing to download" in text_of(response)


def test_staff_without_the_certificate_permission_get_no_roster(ce, certificates):
    staff = UserFactory(email="staff@example.com", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(staff)

    response = client.get(URL, query(ce, "csv"))

    assert "Content-Disposition" not in response
    assert response.status_code in (302, 403)


def test_a_learner_is_sent_to_log_in(learner_client, ce, certificates):
    response = learner_client.get(URL, query(ce, "csv"))

    assert response.status_code == 302
    assert "Content-Disposition" not in response
