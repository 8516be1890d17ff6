"""The instructor's refund screen in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.money import money_format
from payments import stripe_gateway
from payments.forms import RefundForm
from payments.models import Order
from payments.services import order_refund


def order_refund_view(request, pk: int):
    if not request.user.has_perm("payments.change_order"):
        raise PermissionDenied
    order = get_object_or_404(Order.objects.select_related("course", "user"), pk=pk)
    refundable = order.amount_paid - order.amount_refunded
    inspect_url = reverse("orders:inspect", args=[order.pk])
    if not order.is_paid or refundable <= 0:
        messages.error(request, _("This order has nothing left to refund."))
        return redirect(inspect_url)
    form = RefundForm(
        request.POST or None, refundable=refundable, currency=order.currency
    )
    if request.method == "POST" and form.is_valid():
        try:
            order_refund(
                order=order,
                amount=form.cleaned_data["amount"],
                revoke_access=form.cleaned_data["revoke_access"],
                requested_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except stripe_gateway.StripeError as error:
            messages.error(
                request,
                _("Stripe refused the refund: %(error)s. Nothing was changed.")
                % {"error": getattr(error, "user_message", None) or str(error)},
            )
        else:
            messages.success(
                request,
                _("%(amount)s was refunded through Stripe and recorded on %(number)s.")
                % {
                    "amount": money_format(form.cleaned_data["amount"], order.currency),
                    "number": order.number,
                },
            )
            return redirect(inspect_url)
    return TemplateResponse(
        request,
        "payments/admin/refund.html",
        {
            "order": order,
            "form": form,
            "refundable": refundable,
            "inspect_url": inspect_url,
        },
    )
