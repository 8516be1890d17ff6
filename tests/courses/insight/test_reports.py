# ruff: noqa: E501
"""The Enrollments and Learner progress reports: rows, filters, exports."""

from __future__ import annotations

import csv
import io

from django.contrib.auth import get_user_model
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from courses.models import CoursePage, LessonTime
from lessons.models import LessonPage
from tests.courses.insight.support import assistant_build, client_for

pytestmark = pytest.mark.django_db

ENROLLMENTS = "courses_report_enrollments"
PROGRESS = "courses_report_progress"


@pytest.fixture
def client(school):
    return client_for(assistant_build())


def _csv(client, name, **params) -> list[list[str]]:
    response = client.get(reverse(name), {**params, "export": "csv"})
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def _rows(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response.context["object_list"]


# Enrollments -------------------------------------------------------------------


def test_enrollments_csv_reads_as_a_document(client, school):
    rows = _csv(client, ENROLLMENTS)

    assert rows[0] == [
        "Learner",
        "Email",
        "Course",
        "How they enrolled",
        "Status",
        "Enrolled on",
        "Completed on",
    ]
    paid, free = "Foundations of Mitigation Practice", "Mitigation 101"
    assert rows[1:] == [
        ["Ana Ortiz, LCSW", "ana@example.com", paid, "Purchase", "Active", "2026-06-12", ""],
        ["Ana Ortiz, LCSW", "ana@example.com", free, "Free enrollment", "Active", "2026-06-10", ""],
        ["eve@example.com", "eve@example.com", free, "Free enrollment", "Revoked", "2026-06-01", ""],
        ["cat@example.com", "cat@example.com", free, "Free enrollment", "Active", "2026-05-25", ""],
        ["gus@example.com", "gus@example.com", paid, "Free enrollment", "Active", "2026-05-10", "2026-05-12"],
        ["Ben Li", "ben@example.com", free, "Free enrollment", "Active", "2026-05-01", ""],
        ["dan@example.com", "dan@example.com", free, "Added by the instructor", "Active", "2026-04-20", "2026-06-05"],
        ["fay@example.com", "fay@example.com", free, "Free enrollment", "Active", "2026-04-19", ""],
    ]  # fmt: skip


def test_enrollments_filters(client, school):
    def emails(**params):
        return [row[1] for row in _csv(client, ENROLLMENTS, **params)[1:]]

    assert emails(status="revoked") == ["eve@example.com"]
    assert emails(source="manual") == ["dan@example.com"]
    assert emails(course=school.paid.pk) == ["ana@example.com", "gus@example.com"]
    assert emails(enrolled_from="2026-05-18", status="active") == [
        "ana@example.com",
        "ana@example.com",
        "cat@example.com",
    ]  # the dashboard's "3 in the last 30 days"
    assert emails(enrolled_from="2026-04-20", enrolled_to="2026-05-01") == [
        "ben@example.com",
        "dan@example.com",
    ]


def test_enrollments_page_links_each_learner(client, school):
    response = client.get(reverse(ENROLLMENTS))
    html = response.content.decode()

    assert response.status_code == 200
    assert reverse("learners:inspect", args=[school.users["ben"].pk]) in html
    assert "Ben Li" in html
    assert len(response.context["object_list"]) == 8


def test_enrollments_xlsx(client, school):
    response = client.get(reverse(ENROLLMENTS), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))

    assert rows[0][0] == "Learner"
    assert len(rows) == 9
    assert rows[5][:3] == (
        "gus@example.com",
        "gus@example.com",
        "Foundations of Mitigation Practice",
    )
    assert rows[5][6].isoformat() == "2026-05-12"  # a date cell


# Learner progress --------------------------------------------------------------


def test_progress_csv_every_column(client, school):
    # Ben spent 12 minutes and 34 seconds in a lesson of the free course
    free_course = CoursePage.objects.get(title="Mitigation 101")
    LessonTime.objects.create(
        user=get_user_model().objects.get(email="ben@example.com"),
        page=LessonPage.objects.descendant_of(free_course).first(),
        course=free_course,
        first_opened_at=timezone.now(),
        seconds=754,
    )

    rows = _csv(client, PROGRESS)

    assert rows[0] == [
        "Learner",
        "Email",
        "Course",
        "Required items done",
        "Required items in the course",
        "Progress (%)",
        "Last activity",
        "Time on task (minutes)",
        "Where they stand",
    ]
    paid, free = "Foundations of Mitigation Practice", "Mitigation 101"
    assert rows[1:] == [
        ["Ana Ortiz, LCSW", "ana@example.com", paid, "1", "1", "100", "2026-06-12", "0", "In progress"],
        ["gus@example.com", "gus@example.com", paid, "1", "1", "100", "2026-05-11", "0", "Completed"],
        ["Ana Ortiz, LCSW", "ana@example.com", free, "1", "3", "33", "2026-06-16", "0", "In progress"],
        ["Ben Li", "ben@example.com", free, "3", "3", "100", "2026-06-09", "12", "Owes the evaluation"],
        ["cat@example.com", "cat@example.com", free, "0", "3", "0", "2026-05-26", "0", "Stuck"],
        ["dan@example.com", "dan@example.com", free, "3", "3", "100", "2026-04-27", "0", "Completed"],
        ["fay@example.com", "fay@example.com", free, "0", "3", "0", "2026-04-19", "0", "Stuck"],
    ]  # fmt: skip


def test_progress_filters_match_the_dashboard_links(client, school):
    def emails(**params):
        return [row.learner_email for row in _rows(client, PROGRESS, **params)]

    assert emails(state="stuck") == ["cat@example.com", "fay@example.com"]
    assert emails(state="owes_evaluation") == ["ben@example.com"]
    assert emails(state="completed") == ["gus@example.com", "dan@example.com"]
    assert emails(course=school.paid.pk, state="in_progress") == ["ana@example.com"]


def test_progress_page_shows_the_state_in_words(client, school):
    html = client.get(reverse(PROGRESS), {"state": "owes_evaluation"}).content.decode()

    assert "Owes the evaluation" in html
    assert "owes_evaluation</td>" not in html


def test_reports_in_the_reports_menu(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse(ENROLLMENTS) in html
    assert reverse(PROGRESS) in html


def test_editor_without_enrollments_is_refused(school, editor_client):
    for name in (ENROLLMENTS, PROGRESS):
        response = editor_client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
