"""The Evaluations screen and the summary report: learners' comments are readable."""

from __future__ import annotations

import csv
import datetime
import html
import io
from decimal import Decimal

from django.urls import reverse

import openpyxl
import pytest

from courses.models import CourseEvaluation, Enrollment
from tests.accounts.factories import UserFactory

INDEX = "ce_evaluations:index"
SUMMARY = "/admin/reports/evaluation-summary/"
LONG_COMMENT = (
    "The records chapter changed how I plan a mitigation investigation. "
    "I would like a second module on school records, with examples of requests "
    "that were refused and how the team appealed them."
)
SCRIPT = "<script>alert('x')</script>"


def _evaluation(course, *, email, comments, submitted=None, **overrides):
    user = UserFactory(email=email, first_name="Ana", last_name=email.split("@")[0])
    enrollment = Enrollment.objects.create(user=user, course=course, source="free")
    fields = {
        "enrollment": enrollment,
        "objective_ratings": {"Build a life history": 4},
        "relevance": 5,
        "content_quality": 4,
        "instructor_effectiveness": 3,
        "hours_spent": Decimal("6.5"),
        "comments": comments,
        **overrides,
    }
    evaluation = CourseEvaluation.objects.create(**fields)
    if submitted:
        CourseEvaluation.objects.filter(pk=evaluation.pk).update(created_at=submitted)
    return evaluation


@pytest.fixture
def evaluations(course, paid_course):
    return [
        _evaluation(
            course,
            email="long@example.com",
            comments=LONG_COMMENT,
            submitted=datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC),
        ),
        _evaluation(
            course,
            email="script@example.com",
            comments=SCRIPT,
            submitted=datetime.datetime(2026, 2, 10, 12, tzinfo=datetime.UTC),
        ),
        _evaluation(
            paid_course,
            email="paid@example.com",
            comments="Worth the price.",
            submitted=datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC),
        ),
    ]


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_list_shows_learner_course_and_a_comment_excerpt(
    instructor_client, evaluations
):
    content = _text(instructor_client.get(reverse(INDEX)))

    assert "long@example.com" in content
    assert "Mitigation 101" in content
    assert "The records chapter changed how I plan" in content
    assert "Relevance 5 · Content 4 · Instructor 3" in content


def test_each_row_opens_its_evaluation(instructor_client, evaluations):
    html = instructor_client.get(reverse(INDEX)).content.decode()

    for evaluation in evaluations:
        url = reverse("ce_evaluations:inspect", args=[evaluation.pk])
        assert f'href="{url}"' in html


def test_the_list_filters_by_course(instructor_client, evaluations, paid_course):
    content = _text(instructor_client.get(reverse(INDEX), {"course": paid_course.pk}))

    assert "Worth the price." in content
    assert "long@example.com" not in content


def test_the_list_filters_by_submission_date(instructor_client, evaluations):
    content = _text(
        instructor_client.get(
            reverse(INDEX),
            {"submitted_from": "2026-02-01", "submitted_to": "2026-02-10"},
        )
    )

    assert "script@example.com" in content
    assert "long@example.com" not in content
    assert "paid@example.com" not in content


def test_the_list_searches_the_comments(instructor_client, evaluations):
    content = _text(instructor_client.get(reverse(INDEX), {"q": "price"}))

    assert "paid@example.com" in content
    assert "long@example.com" not in content


def test_inspect_reads_as_the_filled_in_form(instructor_client, evaluations):
    evaluation = evaluations[0]

    content = _text(
        instructor_client.get(reverse("ce_evaluations:inspect", args=[evaluation.pk]))
    )

    assert LONG_COMMENT in content
    assert "Build a life history" in content
    assert "4 — Agree" in content
    assert "The content is relevant to my practice." in content
    assert "5 — Strongly agree" in content
    assert "3 — Neutral" in content
    assert "About 6.5 h" in content
    assert "Evaluation of Mitigation 101 by long@example.com" in content
    main = content.split('class="nice-padding"', 1)[1]
    for python in ("{'", "None", "(active)"):
        assert python not in main


@pytest.mark.parametrize("url", ["index", "inspect", "summary"])
def test_a_script_in_comments_is_escaped(url, instructor_client, evaluations):
    target = {
        "index": reverse(INDEX),
        "inspect": reverse("ce_evaluations:inspect", args=[evaluations[1].pk]),
        "summary": SUMMARY,
    }[url]

    raw = instructor_client.get(target).content.decode()

    assert SCRIPT not in raw
    assert "&lt;script&gt;alert(" in raw


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_export_has_the_full_comments(export, instructor_client, evaluations):
    response = instructor_client.get(reverse(INDEX), {"export": export})

    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    if export == "csv":
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    else:
        header, *values = openpyxl.load_workbook(io.BytesIO(body)).active.values
        rows = [dict(zip(header, row, strict=True)) for row in values]
    by_email = {row["Learner email"]: row for row in rows}
    assert by_email["long@example.com"]["Comments"] == LONG_COMMENT
    assert by_email["long@example.com"]["Course"] == "Mitigation 101"
    assert str(by_email["long@example.com"]["Relevance to practice (1–5)"]) == "5"
    assert (
        by_email["long@example.com"]["Learning objectives met"]
        == "Build a life history: 4 — Agree"
    )


def test_the_summary_shows_the_latest_comments_and_links_to_all(
    instructor_client, evaluations, course
):
    content = _text(instructor_client.get(SUMMARY))

    assert LONG_COMMENT in content
    assert "Worth the price." in content
    assert f"{reverse(INDEX)}?course={course.pk}" in content


def test_the_summary_export_carries_every_comment(instructor_client, evaluations):
    response = instructor_client.get(SUMMARY, {"export": "csv"})

    body = b"".join(response.streaming_content).decode("utf-8")
    rows = {row["Course"]: row for row in csv.DictReader(io.StringIO(body))}
    assert rows["Mitigation 101"]["Comments (count)"] == "2"
    assert LONG_COMMENT in rows["Mitigation 101"]["Comments"]
    assert SCRIPT in rows["Mitigation 101"]["Comments"]
