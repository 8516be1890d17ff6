"""Orders in the Wagtail admin: a read-only listing with filters, export and refunds.

Every value the instructor reads comes from ``payments.order_display``: money as
"$249.00", people by name and email, statuses by their labels.
"""

from __future__ import annotations

import datetime

from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy

import django_filters

from core.admin_reports import PermissionMenuItem, report_urls
from core.permission_policies import ReadOnlyPolicy
from core.spreadsheets import SafeSpreadsheetExportMixin
from courses.models import CoursePage
from payments.admin_views import (
    order_refund_view,
    payment_problems_view,
    refund_retry_view,
    stripe_event_retry_view,
)
from payments.models import DisputeStatus, Order, OrderStatus
from payments.order_display import ORDER_FACTS, datetime_display, refund_lines

register_permission_policy(Order, ReadOnlyPolicy(Order))


def _fact_column(name: str, *, sort_key: str | None = None) -> Column:
    fact = ORDER_FACTS[name]
    return Column(name, label=fact.label, accessor=fact.value, sort_key=sort_key)


class OrderFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=OrderStatus.choices, empty_label=_("Any status")
    )
    dispute_status = django_filters.ChoiceFilter(
        label=_("Dispute"),
        choices=[c for c in DisputeStatus.choices if c[0]],
        empty_label=_("With or without a dispute"),
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.order_by("title"),
        empty_label=_("All courses"),
    )
    is_test = django_filters.ChoiceFilter(
        label=_("Test payment?"),
        choices=[("0", _("Real payments only")), ("1", _("Test payments only"))],
        empty_label=_("Real and test payments"),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Ordered between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Order
        fields = ["status", "dispute_status", "course", "is_test", "created_at"]


def _local_naive(value: datetime.datetime) -> datetime.datetime:
    """A spreadsheet cell holds no time zone: write the site's local time."""
    return timezone.localtime(value).replace(tzinfo=None)


class OrderIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The list of orders, and its CSV/XLSX export, in words and money."""

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: datetime_display,
            IndexView.FORMAT_XLSX: _local_naive,
        },
    }

    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].label = ORDER_FACTS["number"].label  # the order number links
        return columns

    def get_heading(self, queryset, field):
        return str(ORDER_FACTS[field].label)

    def to_row_dict(self, item):
        return {name: ORDER_FACTS[name].value(item) for name in self.list_export}


class OrderInspectView(InspectView):
    """One order as a document: its facts, then the refunds made on it."""

    template_name = "payments/admin/order_inspect.html"

    def get_page_subtitle(self):
        return self.object.number

    def get_field_label(self, field_name, field):
        return ORDER_FACTS[field_name].label

    def get_field_display_value(self, field_name, field):
        return ORDER_FACTS[field_name].text(self.object) or "—"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refunds"] = refund_lines(self.object)
        return context

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        order = self.object
        if order.refundable_amount > 0:
            buttons.append(
                HeaderButton(
                    _("Refund"),
                    url=reverse("payments_order_refund", args=[order.pk]),
                    icon_name="undo",
                )
            )
        return buttons


class OrderViewSet(ModelViewSet):
    model = Order
    icon = "doc-full-inverse"
    menu_label = _("Orders")
    menu_order = 300
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = OrderIndexView
    inspect_view_enabled = True
    inspect_view_class = OrderInspectView
    list_display = [
        "number",
        _fact_column("learner", sort_key="user__email"),
        _fact_column("course", sort_key="course__title"),
        _fact_column("status", sort_key="status"),
        _fact_column("amount_paid", sort_key="amount_paid"),
        _fact_column("amount_refunded", sort_key="amount_refunded"),
        DateColumn("created_at", label=ORDER_FACTS["created_at"].label),
    ]
    filterset_class = OrderFilterSet
    list_export = [
        "number",
        "learner_name",
        "learner_email",
        "course",
        "price",
        "discount",
        "amount_paid",
        "amount_refunded",
        "status",
        "dispute",
        "refund_access",
        "is_test",
        "paid_at",
        "created_at",
        "payment_reference",
    ]
    export_filename = "orders"
    search_fields = [
        "user__email",
        "user__first_name",
        "user__last_name",
        "course__title",
        "payment_intent_id",
    ]
    inspect_view_fields = [
        "number",
        "learner",
        "course",
        "status",
        "price",
        "discount",
        "amount_paid",
        "amount_refunded",
        "dispute",
        "refund_access",
        "is_test",
        "created_at",
        "paid_at",
        "payment_reference",
    ]
    form_fields = ["status"]  # required by ModelViewSet; editing is refused anyway

    def get_queryset(self, request):
        return Order.objects.select_related("user", "course")


@hooks.register("register_admin_viewset")
def register_order_viewset():
    return OrderViewSet("orders")


@hooks.register("register_admin_urls")
def register_refund_url():
    return [
        path(
            "payments/orders/<int:pk>/refund/",
            order_refund_view,
            name="payments_order_refund",
        ),
        path("payments/problems/", payment_problems_view, name="payments_problems"),
        path(
            "payments/problems/<int:pk>/retry/",
            stripe_event_retry_view,
            name="payments_event_retry",
        ),
        path(
            "payments/problems/refunds/<int:pk>/retry/",
            refund_retry_view,
            name="payments_refund_retry",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_payment_problems_menu_item():
    return PermissionMenuItem(
        _("Payment problems"),
        reverse("payments_problems"),
        permission="payments.view_order",
        name="payment-problems",
        icon_name="warning",
        order=835,
    )


# Learners ----------------------------------------------------------------------


@hooks.register("register_learner_panels")
def register_payments_learner_panels(request, learner):
    from payments.learner_panels import payments_learner_panels

    return payments_learner_panels(request, learner)


# Insight -----------------------------------------------------------------------
# The revenue report (Reports menu) and the admin home's revenue panels:
# payments/insight.py (reads), payments/revenue_report.py, payments/dashboard.py.


@hooks.register("register_admin_urls")
def register_revenue_report_urls():
    from payments.revenue_report import RevenueReportView

    return report_urls("revenue", RevenueReportView, "payments_report_revenue")


@hooks.register("register_reports_menu_item")
def register_revenue_report_menu_item():
    return PermissionMenuItem(
        _("Revenue by course and month"),
        reverse("payments_report_revenue"),
        permission="payments.view_order",
        name="revenue-report",
        icon_name="doc-full-inverse",
        order=830,
    )


@hooks.register("construct_homepage_panels")
def add_revenue_panels(request, panels):
    from payments.dashboard import revenue_panels

    panels.extend(revenue_panels(request.user))
