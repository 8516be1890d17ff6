"""The revenue report: orders paid, gross, refunded and net by course and month.

What each amount means: ``payments.insight``. For who may view orders
(``payments.view_order``). Two queries for the rows and the totals, plus the
filters' choices; the export streams the rows, then a total per currency.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from core.money import money_format
from core.spreadsheets import SafeSpreadsheetExportMixin
from core.streamed_reports import StreamedExportMixin
from courses.models import CoursePage
from payments.insight import revenue_by_course_month, revenue_totals, revenue_years
from payments.models import Order


@dataclass(frozen=True)
class RevenueRow:
    month: str  # "December 2026", or "Total"
    month_key: str  # "2026-12" for the spreadsheet, "" on a total
    course: str
    currency: str
    orders: int
    gross: int
    refunded: int

    @property
    def net(self) -> int:
        return self.gross - self.refunded

    def money(self, amount: int) -> str:
        return money_format(amount, self.currency)

    @property
    def gross_text(self) -> str:
        return self.money(self.gross)

    @property
    def refunded_text(self) -> str:
        return self.money(self.refunded)

    @property
    def net_text(self) -> str:
        return self.money(self.net)


def _row(values: dict) -> RevenueRow:
    month = values["month"]
    if isinstance(month, datetime.datetime):
        month = month.date()
    return RevenueRow(
        month=date_format(month, "F Y"),
        month_key=month.strftime("%Y-%m"),
        course=values["course__title"],
        currency=values["currency"],
        orders=values["orders"],
        gross=values["gross"] or 0,
        refunded=values["refunded"] or 0,
    )


def _total(values: dict) -> RevenueRow:
    return RevenueRow(
        month=gettext("Total"),
        month_key="",
        course=gettext("All courses shown"),
        currency=values["currency"],
        orders=values["orders"],
        gross=values["gross"] or 0,
        refunded=values["refunded"] or 0,
    )


class RevenueFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
        method="keep",
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), empty_label=_("Every year"), method="keep"
    )

    class Meta:
        model = Order
        fields = ["course", "year"]

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(y), str(y)) for y in years]

    def keep(self, queryset, name, value):
        return queryset  # the selector filters; see RevenueReportView.choices


def _money_column(name, label):
    return Column(name, label=label, accessor=lambda row: row.money(getattr(row, name)))


class RevenueReportView(SafeSpreadsheetExportMixin, StreamedExportMixin, ReportView):
    page_title = _("Revenue by course and month")
    header_icon = "doc-full-inverse"
    index_url_name = "payments_report_revenue"
    index_results_url_name = "payments_report_revenue_results"
    results_template_name = "payments/admin/revenue_report_results.html"
    filterset_class = RevenueFilterSet
    permission_policy = ModelPermissionPolicy(Order)
    permission_required = "view"
    paginate_by = 60
    verbose_name = _("row")
    verbose_name_plural = _("rows")
    export_headings = {
        "month": _("Month"),
        "course": _("Course"),
        "currency": _("Currency"),
        "orders": _("Orders paid"),
        "gross": _("Gross"),
        "refunded": _("Refunded"),
        "net": _("Net"),
    }
    list_export = list(export_headings)
    columns = [
        Column("month", label=_("Month")),
        Column("course", label=_("Course")),
        Column("orders", label=_("Orders paid")),
        _money_column("gross", _("Gross")),
        _money_column("refunded", _("Refunded")),
        _money_column("net", _("Net")),
    ]

    @cached_property
    def years(self) -> list[int]:
        return revenue_years()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "years": self.years}

    @cached_property
    def choices(self) -> dict:
        """The course and year asked for, once the filter form has checked them."""
        if not (self.filters and self.filters.is_valid()):
            return {}
        data = self.filters.form.cleaned_data
        course = data.get("course")
        year = data.get("year")
        return {
            "course_id": course.pk if course else None,
            "year": int(year) if year else None,
        }

    def get_queryset(self):
        return revenue_by_course_month(**self.choices)

    def filter_queryset(self, queryset):
        return queryset

    def decorate_paginated_queryset(self, object_list):
        return [_row(values) for values in object_list]

    def get_table(self, object_list):
        return super().get_table(
            [_row(v) if isinstance(v, dict) else v for v in object_list]
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["totals"] = [
            _total(values) for values in revenue_totals(**self.choices)
        ]
        return context

    def export_rows(self, queryset):
        rows = (_row(values) for values in super().export_rows(queryset))
        return itertools.chain(
            rows, (_total(values) for values in revenue_totals(**self.choices))
        )

    def get_filename(self):
        return f"revenue-{datetime.date.today().isoformat()}"

    def to_row_dict(self, item: RevenueRow):
        return {
            "month": item.month_key or item.month,
            "course": item.course,
            "currency": item.currency.upper(),
            "orders": item.orders,
            "gross": item.money(item.gross),
            "refunded": item.money(item.refunded),
            "net": item.money(item.net),
        }
