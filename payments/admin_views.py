"""The instructor's refund screen in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.money import money_format
from courses.selectors import certificate_valid_for
from payments import stripe_gateway
from payments.forms import RefundForm
from payments.models import Order, Refund, RefundStatus, StripeEvent
from payments.problems import failed_events, failed_refunds, pending_refunds
from payments.refunds import (
    RefundAlreadyMade,
    RefundOutcomeUnknown,
    RefundRefused,
    order_refund,
    refund_send,
)
from payments.webhooks import EventOutcome, stripe_event_handle


def order_refund_view(request, pk: int):
    if not request.user.has_perm("payments.change_order"):
        raise PermissionDenied
    order = get_object_or_404(Order.objects.select_related("course", "user"), pk=pk)
    refundable = order.refundable_amount
    inspect_url = reverse("orders:inspect", args=[order.pk])
    if not order.is_paid or refundable <= 0:
        messages.error(request, _("This order has nothing left to refund."))
        return redirect(inspect_url)
    certificate = certificate_valid_for(user=order.user, course=order.course)
    form = RefundForm(
        request.POST or None,
        refundable=refundable,
        currency=order.currency,
        certificate_serial=certificate.serial if certificate else "",
        initial={"refunded_before": order.amount_refunded},
    )
    if request.method == "POST" and form.is_valid():
        revoke_certificate = form.cleaned_data.get("revoke_certificate", False)
        try:
            order_refund(
                order=order,
                amount=form.cleaned_data["amount"],
                revoke_access=form.cleaned_data["revoke_access"],
                revoke_certificate=revoke_certificate,
                requested_by=request.user,
                reason=form.cleaned_data["reason"],
                refunded_before=form.cleaned_data["refunded_before"],
            )
        except RefundAlreadyMade:
            order.refresh_from_db()
            messages.warning(
                request,
                _(
                    "%(number)s was refunded while this form was open (%(amount)s "
                    "refunded in all), so nothing more was refunded. Check the "
                    "order before refunding again."
                )
                % {
                    "number": order.number,
                    "amount": money_format(order.amount_refunded, order.currency),
                },
            )
            return redirect(inspect_url)
        except RefundOutcomeUnknown:
            messages.warning(
                request,
                _(
                    "Stripe did not answer, so we cannot tell yet whether %(amount)s "
                    "went back to the learner. The refund is recorded as waiting "
                    "for Stripe and completes by itself, with your choices, when "
                    "Stripe confirms it. Do not refund again."
                )
                % {"amount": money_format(form.cleaned_data["amount"], order.currency)},
            )
            return redirect(inspect_url)
        except RefundRefused:
            messages.error(
                request,
                _("This refund could not be made, so nothing was refunded."),
            )
            return redirect(inspect_url)
        except stripe_gateway.StripeError as error:
            messages.error(
                request,
                _("Stripe refused the refund: %(error)s. Nothing was changed.")
                % {"error": getattr(error, "user_message", None) or str(error)},
            )
        else:
            done = _(
                "%(amount)s was refunded through Stripe and recorded on %(number)s."
            ) % {
                "amount": money_format(form.cleaned_data["amount"], order.currency),
                "number": order.number,
            }
            if certificate and revoke_certificate:
                done += " " + _("Certificate %(serial)s was revoked.") % {
                    "serial": certificate.serial
                }
            messages.success(request, done)
            return redirect(inspect_url)
    return TemplateResponse(
        request,
        "payments/admin/refund.html",
        {
            "order": order,
            "form": form,
            "refundable": refundable,
            "inspect_url": inspect_url,
            "certificate": certificate,
        },
    )


def payment_problems_view(request):
    """Stripe events that failed and refunds that failed later, in words."""
    if not request.user.has_perm("payments.view_order"):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "payments/admin/payment_problems.html",
        {
            "events": failed_events(),
            "refunds": failed_refunds(),
            "pending": pending_refunds(),
            "can_retry": request.user.has_perm("payments.change_order"),
        },
    )


@require_POST
def stripe_event_retry_view(request, pk: int):
    """The "Try again" button: process one failed event now; say what happened."""
    if not request.user.has_perm("payments.change_order"):
        raise PermissionDenied
    record = get_object_or_404(StripeEvent, pk=pk)
    outcome = stripe_event_handle(event_id=record.event_id)
    record.refresh_from_db()
    if outcome == EventOutcome.PROCESSED:
        messages.success(
            request, _("It worked this time: the message is applied to the order.")
        )
    elif outcome == EventOutcome.ALREADY_PROCESSED:
        messages.info(request, _("It had been applied already; nothing more was done."))
    else:
        messages.error(
            request,
            _("It failed again: %(error)s It stays on this list.")
            % {"error": record.error},
        )
    return redirect("payments_problems")


@require_POST
def refund_retry_view(request, pk: int):
    """ "Ask Stripe again" for a refund still waiting: the same idempotency key,
    so Stripe answers the first refund again rather than refunding twice."""
    if not request.user.has_perm("payments.change_order"):
        raise PermissionDenied
    refund = get_object_or_404(Refund.objects.select_related("order"), pk=pk)
    amount = money_format(refund.amount, refund.order.currency)
    if refund.status != RefundStatus.PENDING:
        messages.info(request, _("That refund is settled already; nothing was done."))
        return redirect("payments_problems")
    try:
        refund_send(refund=refund)
    except RefundOutcomeUnknown:
        messages.warning(
            request, _("Stripe still did not answer. Try again in a few minutes.")
        )
    except stripe_gateway.StripeError as error:
        messages.error(
            request,
            _(
                "Stripe refused the refund of %(amount)s: %(error)s. "
                "Nothing was refunded."
            )
            % {
                "amount": amount,
                "error": getattr(error, "user_message", None) or str(error),
            },
        )
    else:
        messages.success(
            request,
            _(
                "Stripe confirmed the refund of %(amount)s; it is recorded on "
                "%(number)s."
            )
            % {"amount": amount, "number": refund.order.number},
        )
    return redirect("payments_problems")
