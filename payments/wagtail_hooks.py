"""Orders in the Wagtail admin: a read-only listing with filters, export and refunds."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy

from core.permission_policies import ReadOnlyPolicy
from payments.admin_views import order_refund_view
from payments.models import Order

register_permission_policy(Order, ReadOnlyPolicy(Order))


class OrderInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        order = self.object
        if order.is_paid and order.amount_paid > order.amount_refunded:
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
    inspect_view_enabled = True
    inspect_view_class = OrderInspectView
    list_display = [
        "number",
        "user",
        "course",
        "status",
        "amount_paid",
        "amount_refunded",
        "created_at",
    ]
    list_filter = ["status", "dispute_status", "course", "is_test", "created_at"]
    list_export = [
        "number",
        "user",
        "course",
        "amount",
        "currency",
        "discount_amount",
        "amount_paid",
        "amount_refunded",
        "status",
        "dispute_status",
        "refund_access",
        "checkout_session_id",
        "payment_intent_id",
        "is_test",
        "paid_at",
        "created_at",
    ]
    export_filename = "orders"
    search_fields = ["user__email", "checkout_session_id", "payment_intent_id"]
    inspect_view_fields = list_export
    form_fields = ["status"]  # required by ModelViewSet; editing is refused anyway


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
    ]


# Learners ----------------------------------------------------------------------


@hooks.register("register_learner_panels")
def register_payments_learner_panels(request, learner):
    from payments.learner_panels import payments_learner_panels

    return payments_learner_panels(request, learner)
