"""Revenue on the admin home, for who may view orders (``payments.view_order``).

Two panels, two queries in all (``payments.insight``): "Revenue" (net and
gross in the last 30 days against the 30 before) and "Revenue per month" (net,
the last 12 months, as a server-drawn bar chart with its table).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.charts import bar_chart
from core.dashboard import ChartPanel, Figure, FiguresPanel
from core.money import money_format
from payments.insight import (
    Window,
    month_starts,
    revenue_last_30_days,
    revenue_per_month,
)

FIGURES_ORDER = 200
CHART_ORDER = 210
DEFAULT_CURRENCY = "usd"


def _amounts(comparisons, pick) -> str:
    if not comparisons:
        return money_format(0, DEFAULT_CURRENCY)
    return "; ".join(money_format(pick(c), c.currency) for c in comparisons)


def _detail(comparisons, pick) -> str:
    before = _amounts(comparisons, pick)
    return _("%(amount)s in the 30 days before") % {"amount": before}


def revenue_figures(*, now=None) -> list[Figure]:
    comparisons = revenue_last_30_days(now=now)
    url = reverse("payments_report_revenue")
    return [
        Figure(
            label=_("Net revenue, last 30 days"),
            value=_amounts(comparisons, lambda c: c.last.net),
            detail=_detail(comparisons, lambda c: c.before.net),
            url=url,
        ),
        Figure(
            label=_("Gross revenue, last 30 days"),
            value=_amounts(comparisons, lambda c: c.last.gross),
            detail=_detail(comparisons, lambda c: c.before.gross),
            url=url,
        ),
    ]


def revenue_chart_panel(*, now=None) -> ChartPanel:
    """Net revenue per month; with several currencies, the one that earned most
    is drawn and the note says the others are in the report."""
    months = month_starts(now=now)
    per_month = revenue_per_month(now=now)
    totals: dict[str, int] = {}
    for (_month, currency), window in per_month.items():
        totals[currency] = totals.get(currency, 0) + window.net
    currency = max(totals, key=totals.__getitem__) if totals else DEFAULT_CURRENCY
    points = [
        (
            date_format(month, "M Y"),
            per_month.get((month, currency), Window()).net,
        )
        for month in months
    ]
    chart = bar_chart(
        title=_("Revenue per month"),
        points=points,
        label_header=_("Month"),
        value_header=_("Net revenue"),
        value_text=lambda value: money_format(int(value), currency),
    )
    note = _("Net of refunds, by the month the order was paid.")
    others = sorted(set(totals) - {currency})
    if others:
        note += " " + _("Orders in %(currencies)s are in the revenue report.") % {
            "currencies": ", ".join(code.upper() for code in others)
        }
    return ChartPanel(
        name="revenue-per-month", chart=chart, order=CHART_ORDER, note=note
    )


def revenue_panels(user, *, now=None) -> list:
    if not user.has_perm("payments.view_order"):
        return []
    return [
        FiguresPanel(
            name="revenue",
            title=_("Revenue"),
            figures=revenue_figures(now=now),
            order=FIGURES_ORDER,
        ),
        revenue_chart_panel(now=now),
    ]
