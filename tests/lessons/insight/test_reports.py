"""The quiz reports in the admin: what they show, export, and what they cost."""

from __future__ import annotations

import csv
import html
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from lessons.services import quiz_attempt_start
from tests.accounts.factories import UserFactory
from tests.lessons.insight.support import MATRIX, answer, answered_quiz

ITEM_ANALYSIS = "lessons_report_item_analysis"
ATTEMPTS = "lessons_report_quiz_attempts"


def _text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def _queries(client, url, **params) -> int:
    """The queries of a request whose caches are warm (the signed-in user's row
    is read through their cache after the first request)."""
    warm = client.get(url, params)
    if getattr(warm, "streaming", False):
        b"".join(warm.streaming_content)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    if getattr(response, "streaming", False):
        with CaptureQueriesContext(connection) as streamed:
            b"".join(response.streaming_content)
        return len(captured) + len(streamed)
    return len(captured)


def test_item_analysis_shows_the_first_quiz_with_attempts(
    instructor_client, module, course
):
    answered_quiz(parent=module, course=course)

    response = instructor_client.get(reverse(ITEM_ANALYSIS))

    content = _text(response)
    assert "Mitigation 101 · Records check" in content
    assert "the first submitted attempt of each of 12 learners" in content
    assert "1 question looks broken" in content
    assert "“Wrong 2a” (58%)" in content
    assert "-0.75" in content
    assert "Review this question" in content


def test_item_analysis_of_a_chosen_quiz(instructor_client, module, course):
    answered_quiz(parent=module, course=course)
    other, _ = answered_quiz(
        parent=module, course=course, rows=MATRIX[:3], title="Second quiz"
    )

    response = instructor_client.get(reverse(ITEM_ANALYSIS), {"quiz": other.pk})

    content = _text(response)
    assert "the first submitted attempt of each of 3 learners" in content
    assert "Too few attempts to judge: 3 so far" in content


def test_item_analysis_without_attempts_says_so(instructor_client, module):
    response = instructor_client.get(reverse(ITEM_ANALYSIS))

    assert "No quiz has a submitted attempt yet." in _text(response)


def test_item_analysis_export(instructor_client, module, course):
    quiz, _ = answered_quiz(parent=module, course=course)

    response = instructor_client.get(
        reverse(ITEM_ANALYSIS), {"quiz": quiz.pk, "export": "csv"}
    )

    rows = _csv(response)
    assert rows[0] == [
        "Question",
        "Question text",
        "Still in the quiz",
        "Attempts that drew it",
        "Answered correctly (%)",
        "Most chosen wrong answer",
        "Chose that wrong answer (%)",
        "Discrimination index",
        "Verdict",
        "Why",
    ]
    assert rows[2][:9] == [
        "2",
        "Question 2?",
        "yes",
        "12",
        "25.0",
        "Wrong 2a",
        "58.3",
        "-0.75",
        "Review this question",
    ]
    assert rows[2][9].startswith("Only 25% answered it correctly")
    assert len(rows) == 5


def test_item_analysis_xlsx_export(instructor_client, module, course):
    from openpyxl import load_workbook

    answered_quiz(parent=module, course=course)

    response = instructor_client.get(reverse(ITEM_ANALYSIS), {"export": "xlsx"})

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[2][:4] == (2, "Question 2?", "yes", 12)


def test_item_analysis_query_count_does_not_grow(instructor_client, module, course):
    quiz, _ = answered_quiz(parent=module, course=course, rows=MATRIX[:3])
    url = reverse(ITEM_ANALYSIS)
    _queries(instructor_client, url, quiz=quiz.pk)  # fills the caches (site, perms)
    small = _queries(instructor_client, url, quiz=quiz.pk)
    small_export = _queries(instructor_client, url, quiz=quiz.pk, export="csv")

    for n in range(9):  # the same quiz, now answered by 12 learners
        user = UserFactory(email=f"more-{n}@example.com")
        answer(quiz_attempt_start(user=user, quiz=quiz, course=course), MATRIX[n])

    assert _queries(instructor_client, url, quiz=quiz.pk) == small
    assert _queries(instructor_client, url, quiz=quiz.pk, export="csv") == small_export


# Quiz attempts -------------------------------------------------------------------


@pytest.fixture
def attempts(module, course):
    quiz, learners = answered_quiz(parent=module, course=course, rows=MATRIX[:2])
    learners[0].first_name, learners[0].last_name = "Maria", "Gómez"
    learners[0].save()
    open_attempt = quiz_attempt_start(user=learners[1], quiz=quiz, course=course)
    return quiz, learners, open_attempt


def test_quiz_attempts_report_columns(instructor_client, attempts):
    response = instructor_client.get(reverse(ATTEMPTS), {"export": "csv"})

    rows = _csv(response)
    assert rows[0] == [
        "Learner",
        "Course",
        "Quiz",
        "Attempt number",
        "Started",
        "Submitted",
        "Score (%)",
        "Passed",
    ]
    by_attempt = {(row[0], row[3]): row for row in rows[1:]}
    maria = by_attempt[("Maria Gómez (records-check-1@example.com)", "1")]
    assert maria[1:3] == ["Mitigation 101", "Records check"]
    assert maria[5] != "" and maria[6:] == ["75", "no"]
    second = by_attempt[("records-check-2@example.com", "2")]
    assert second[5:] == ["", "", ""]  # open: not submitted yet
    assert len(rows) == 4


def test_quiz_attempts_report_filters(instructor_client, attempts, module, course):
    quiz, _learners, _open = attempts
    answered_quiz(parent=module, course=course, rows=["RRRR"], title="Other")

    passed = _csv(
        instructor_client.get(reverse(ATTEMPTS), {"export": "csv", "passed": "1"})
    )
    by_quiz = _csv(
        instructor_client.get(reverse(ATTEMPTS), {"export": "csv", "quiz": quiz.pk})
    )

    assert [row[2] for row in passed[1:]] == ["Other"]
    assert {row[2] for row in by_quiz[1:]} == {"Records check"}
    assert len(by_quiz) == 4


def test_quiz_attempts_report_page(instructor_client, attempts):
    response = instructor_client.get(reverse(ATTEMPTS))

    content = _text(response)
    assert "Maria Gómez (records-check-1@example.com)" in content
    assert "not submitted yet" in content


def test_quiz_attempts_query_count_does_not_grow(instructor_client, module, course):
    answered_quiz(parent=module, course=course, rows=MATRIX[:2])
    url = reverse(ATTEMPTS)
    small = _queries(instructor_client, url)
    small_export = _queries(instructor_client, url, export="csv")

    answered_quiz(parent=module, course=course, rows=MATRIX, title="Bigger")

    assert _queries(instructor_client, url) == small
    assert _queries(instructor_client, url, export="csv") == small_export


# Only the attempts' rows select the seed (the quiz filter's choices do not).
ROWS_QUERY = '"lessons_quizattempt"."seed"'


def test_the_attempts_export_streams_rows_as_it_reads_them(
    instructor_client, module, course
):
    answered_quiz(parent=module, course=course, rows=MATRIX[:4])

    with CaptureQueriesContext(connection) as before_streaming:
        response = instructor_client.get(reverse(ATTEMPTS), {"export": "csv"})
    assert response.streaming
    assert not any(ROWS_QUERY in q["sql"] for q in before_streaming)
    with CaptureQueriesContext(connection) as streaming:
        lines = list(response.streaming_content)

    assert len(lines) == 5  # the heading, then one chunk per attempt
    (rows_query,) = [q for q in streaming if ROWS_QUERY in q["sql"]]
    assert '"snapshot"' not in rows_query["sql"]  # the heavy JSON stays behind
