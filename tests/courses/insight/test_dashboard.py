"""The admin home for whoever may view enrollments: figures, table, charts."""

from __future__ import annotations

import re

from django.urls import reverse

import pytest

from core.dashboard import ChartPanel, FiguresPanel
from tests.accounts.factories import UserFactory
from tests.courses.insight.support import assistant_build, client_for

pytestmark = pytest.mark.django_db

HOME = "wagtailadmin_home"


@pytest.fixture
def assistant_home(school):
    return client_for(assistant_build()).get(reverse(HOME))


def _panels(response, kind, name=None):
    return [
        panel
        for panel in response.context["panels"]
        if isinstance(panel, kind) and (name is None or panel.name == name)
    ]


def _month_figures(response):
    """The courses' figures (payments and lessons add figure panels of their own)."""
    [panel] = [
        panel
        for panel in _panels(response, FiguresPanel)
        if panel.title == "Your school this month"
    ]
    return panel


def test_figures_of_the_month_for_the_assistant(assistant_home):
    panel = _month_figures(assistant_home)
    figures = [(f.label, f.value, f.detail) for f in panel.figures]

    assert panel.title == "Your school this month"
    assert figures == [
        ("Enrollments, last 30 days", "3", "down from 4 in the 30 days before"),
        (
            "Learners active this week",
            "3",
            "completed an item, submitted a quiz or posted, last 7 days",
        ),
        ("Completion rate", "29%", "2 of 7 active learners completed"),
        ("Learners stuck", "2", "no progress in 14 days, not finished"),
        ("Evaluations owed", "1", "every required item done, no evaluation yet"),
        (
            "Certificates issued this month",
            "1",
            "valid certificates issued since 1 June",
        ),
    ]


def test_figures_link_to_the_rows_behind_them(assistant_home):
    panel = _month_figures(assistant_home)
    urls = {f.label: f.url for f in panel.figures}
    progress = reverse("courses_report_progress")

    assert urls["Learners stuck"] == f"{progress}?state=stuck"
    assert urls["Evaluations owed"] == f"{progress}?state=owes_evaluation"
    assert urls["Certificates issued this month"] == reverse("ce_certificates:index")
    assert urls["Enrollments, last 30 days"] == (
        reverse("courses_report_enrollments") + "?enrolled_from=2026-05-18"
    )
    html = assistant_home.content.decode()
    assert f'href="{progress}?state=stuck">Learners stuck</a>' in html


def test_trend_says_up_same_or_down(school, frozen):
    from courses.admin.insight_panels import _trend

    assert _trend(5, 4) == "up from 4 in the 30 days before"
    assert _trend(4, 4) == "same as the 30 days before (4)"
    assert _trend(0, 1) == "down from 1 in the 30 days before"


def test_completion_rate_per_course_table(assistant_home):
    html = assistant_home.content.decode()
    table = html[html.index('id="completion-rates-section"') :]
    rows = re.findall(
        r'<th scope="row">([^<]+)</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>\s*'
        r"<td>(\d+)%</td>",
        table,
    )

    assert rows == [
        ("Foundations of Mitigation Practice", "2", "1", "50"),
        ("Mitigation 101", "5", "1", "20"),
    ]


def test_charts_enrollments_per_week_and_one_funnel_per_live_course(assistant_home):
    charts = {panel.title: panel.chart for panel in _panels(assistant_home, ChartPanel)}

    weekly = charts["Enrollments per week"]
    assert len(weekly.bars) == 12 and not weekly.horizontal
    assert [(b.label, b.text) for b in weekly.bars][-2:] == [
        ("8 Jun", "2"),
        ("15 Jun", "0"),
    ]
    assert weekly.summary == (
        "Enrollments per week over the last 12 weeks: 7 in all, 0 so far this week."
    )
    funnel = charts["Completion funnel: Mitigation 101"]
    assert funnel.horizontal
    assert [(b.label, b.text) for b in funnel.bars] == [
        ("Getting started", "80%"),
        ("Interviewing", "40%"),
    ]
    assert funnel.bars[0].width == pytest.approx(370 * 0.8, abs=0.1)  # scale: 100%
    assert "Completion funnel: Foundations of Mitigation Practice" in charts


def test_charts_are_images_with_their_numbers(assistant_home):
    html = assistant_home.content.decode()

    # Enrollments per week, the course's funnel, revenue per month (payments).
    assert html.count('<svg role="img"') == 3 + 1
    assert '<th scope="row">Interviewing</th><td>40%</td>' in html
    assert "the share who reached each module" in html


def test_panel_order_reads_well(assistant_home, school):
    names = [panel.name for panel in assistant_home.context["panels"]]

    assert names[:4] == [
        "school_this_month",
        "completion_rates",
        "enrollments_per_week",
        f"completion_funnel_{school.paid.pk}",
    ]


def test_wagtail_page_count_is_gone_for_staff_who_see_the_school(assistant_home):
    assert 'class="w-summary"' not in assistant_home.content.decode()


def test_editor_without_enrollments_sees_no_school_figures(school, editor_client):
    response = editor_client.get(reverse(HOME))

    assert response.status_code == 200
    assert not _panels(response, FiguresPanel)
    assert "Your school this month" not in response.content.decode()


def test_learner_never_reaches_the_dashboard(school):
    learner = UserFactory(email="reader@example.com")

    response = client_for(learner).get(reverse(HOME))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert "Your school this month" not in response.content.decode()


def test_superuser_sees_the_figures(school, instructor_client):
    response = instructor_client.get(reverse(HOME))

    assert "Your school this month" in response.content.decode()


def test_admin_stylesheet_on_every_admin_page(assistant_home):
    assert 'href="/static/css/admin.css"' in assistant_home.content.decode()
