"""Revenue by course and month, the admin home's revenue panels: by hand.

Orders (now = 15 June 2026, noon UTC; the site's time zone is UTC):

    A  Advanced    paid 10 Jun 2026  $249.00
    B  Advanced    paid  1 Jun 2026  $249.00, $100.00 refunded (partial)
    C  Foundations paid 20 May 2026  $149.00
    D  Advanced    paid  5 May 2026  $249.00, all refunded
    E  Advanced    paid 11 Jun 2026  $249.00, a test order: never counted
    F  Advanced    not paid          $249.00: never counted
    G  Advanced    paid  3 Dec 2025  $249.00
"""

from __future__ import annotations

import csv
import datetime
import html
import io

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
import time_machine

from payments.dashboard import revenue_chart_panel, revenue_figures
from payments.insight import revenue_by_course_month, revenue_last_30_days
from payments.models import Order, OrderStatus
from tests.accounts.factories import UserFactory
from tests.courses.factories import CoursePageFactory

NOW = datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC)
REPORT = "payments_report_revenue"


def _at(day: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(hour=9, tzinfo=datetime.UTC)


def _order(course, paid: str | None, *, refunded=0, is_test=False, amount=None):
    amount = amount or course.price_amount
    return Order.objects.create(
        user=UserFactory(),
        course=course,
        amount=amount,
        currency="usd",
        amount_paid=amount if paid else 0,
        amount_refunded=refunded,
        status=OrderStatus.PAID if paid else OrderStatus.PENDING,
        is_test=is_test,
        paid_at=_at(paid) if paid else None,
    )


@pytest.fixture
def foundations(course_index):
    return CoursePageFactory(
        parent=course_index, title="Foundations", slug="foundations", price_amount=14900
    )


@pytest.fixture
def orders(shop, foundations):
    advanced = shop.course
    return {
        "A": _order(advanced, "2026-06-10"),
        "B": _order(advanced, "2026-06-01", refunded=10000),
        "C": _order(foundations, "2026-05-20"),
        "D": _order(advanced, "2026-05-05", refunded=24900),
        "E": _order(advanced, "2026-06-11", is_test=True),
        "F": _order(advanced, None),
        "G": _order(advanced, "2025-12-03"),
    }


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_revenue_by_course_and_month(orders):
    rows = [
        (
            r["month"].strftime("%Y-%m"),
            r["course__title"],
            r["orders"],
            r["gross"],
            r["refunded"],
        )
        for r in revenue_by_course_month()
    ]

    assert rows == [
        ("2026-06", "Advanced Mitigation Interviewing", 2, 49800, 10000),
        ("2026-05", "Advanced Mitigation Interviewing", 1, 24900, 24900),
        ("2026-05", "Foundations", 1, 14900, 0),
        ("2025-12", "Advanced Mitigation Interviewing", 1, 24900, 0),
    ]


def test_test_orders_count_in_test_payment_mode(orders, settings):
    settings.DEBUG, settings.STRIPE_SECRET_KEY = True, ""

    june = next(iter(revenue_by_course_month(year=2026)))

    assert (june["orders"], june["gross"]) == (3, 74700)


def test_the_report_export_in_money_with_totals(instructor_client, orders):
    response = instructor_client.get(reverse(REPORT), {"year": "2026", "export": "csv"})

    assert _csv(response) == [
        ["Month", "Course", "Currency", "Orders paid", "Gross", "Refunded", "Net"],
        [
            "2026-06",
            "Advanced Mitigation Interviewing",
            "USD",
            "2",
            "$498.00",
            "$100.00",
            "$398.00",
        ],
        [
            "2026-05",
            "Advanced Mitigation Interviewing",
            "USD",
            "1",
            "$249.00",
            "$249.00",
            "$0.00",
        ],
        ["2026-05", "Foundations", "USD", "1", "$149.00", "$0.00", "$149.00"],
        ["Total", "All courses shown", "USD", "4", "$896.00", "$349.00", "$547.00"],
    ]


def test_the_report_filters_by_course(instructor_client, orders, foundations):
    response = instructor_client.get(
        reverse(REPORT), {"course": foundations.pk, "export": "csv"}
    )

    rows = _csv(response)
    assert [row[1] for row in rows[1:]] == ["Foundations", "All courses shown"]


def test_the_report_page(instructor_client, orders):
    response = instructor_client.get(reverse(REPORT))

    content = " ".join(html.unescape(response.content.decode()).split())
    assert "June 2026" in content and "December 2025" in content
    assert "$398.00" in content
    assert "5 orders paid" in content
    assert "Net $796.00" in content and "Gross $1,145.00, refunded $349.00" in content


def test_the_last_30_days_against_the_30_before(orders):
    (usd,) = revenue_last_30_days(now=NOW)

    assert (usd.last.gross, usd.last.refunded, usd.last.net) == (64700, 10000, 54700)
    assert (usd.before.gross, usd.before.refunded, usd.before.net) == (24900, 24900, 0)


def test_revenue_figures(orders):
    net, gross = revenue_figures(now=NOW)

    assert (net.label, net.value, net.detail) == (
        "Net revenue, last 30 days",
        "$547.00",
        "$0.00 in the 30 days before",
    )
    assert (gross.value, gross.detail) == ("$647.00", "$249.00 in the 30 days before")
    assert net.url == reverse(REPORT)


def test_revenue_per_month_chart(orders):
    chart = revenue_chart_panel(now=NOW).chart

    bars = [(bar.label, bar.text) for bar in chart.bars]
    assert len(bars) == 12
    assert bars[0] == ("Jul 2025", "$0.00")
    assert bars[5] == ("Dec 2025", "$249.00")
    assert bars[-2:] == [("May 2026", "$149.00"), ("Jun 2026", "$398.00")]


def _staff_client(group: str | None, **kwargs) -> Client:
    user = UserFactory(**kwargs)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


def test_the_admin_home_shows_revenue_to_the_assistant(orders):
    client = _staff_client("Assistant")

    with time_machine.travel(NOW, tick=False):
        content = html.unescape(
            client.get(reverse("wagtailadmin_home")).content.decode()
        )

    assert "Net revenue, last 30 days" in content
    assert "$547.00" in content
    assert "Revenue per month" in content
    assert 'role="img"' in content


def test_the_admin_home_hides_revenue_without_the_permission(orders):
    client = _staff_client("Editors", is_staff=True)

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Net revenue" not in content


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
        assert response.status_code == 200
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    return len(captured)


def test_query_counts_do_not_grow(instructor_client, shop, foundations):
    _order(shop.course, "2026-06-10")
    instructor_client.get(reverse("wagtailadmin_home"))  # first visit: one-off setup
    counts = [
        _queries(instructor_client, reverse(REPORT)),
        _queries(instructor_client, reverse(REPORT), export="csv"),
        _queries(instructor_client, reverse("wagtailadmin_home")),
    ]
    for day in ("2026-01-10", "2026-02-10", "2025-03-01", "2026-06-11"):
        _order(shop.course, day, refunded=100)
        _order(foundations, day)

    assert [
        _queries(instructor_client, reverse(REPORT)),
        _queries(instructor_client, reverse(REPORT), export="csv"),
        _queries(instructor_client, reverse("wagtailadmin_home")),
    ] == counts
