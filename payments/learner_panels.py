"""What payments adds to a learner's page in the admin: their orders."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from courses.learner_admin.panels import LearnerPanel
from payments.models import Order


class OrdersPanel(LearnerPanel):
    heading = _("Orders")
    order = 50
    template_name = "payments/admin/learner_panel_orders.html"

    def panel_context(self, bound_forms):
        return {
            "orders": list(
                Order.objects.filter(user=self.learner)
                .select_related("course")
                .order_by("-created_at")
            ),
            "may_view_orders": self.can("payments.view_order"),
        }


def payments_learner_panels(request, learner):
    return [OrdersPanel(request=request, learner=learner)]
