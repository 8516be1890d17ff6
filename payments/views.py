import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.rate_limits import rate_limited
from courses.models import CoursePage
from courses.selectors import first_item_of
from payments import stripe_gateway
from payments.checkout import Checkout, CheckoutKind, checkout_state, checkout_test_pay
from payments.checkout import checkout_start as checkout_start_service
from payments.models import Order
from payments.selectors import learner_orders, offline_payments_enabled
from payments.services import checkout_fulfil
from payments.webhooks import EventOutcome, stripe_event_receive

logger = logging.getLogger(__name__)


def _continue_url(course: CoursePage) -> str:
    first = first_item_of(course=course)
    return first.url if first else course.url


@login_required
@require_http_methods(["GET", "POST"])
@rate_limited("checkout_start", methods=("POST",))
def checkout_start(request, course_id: int):
    """Buy a paid course: GET confirms (after sign-up or login), POST pays."""
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    if request.method == "GET":
        checkout = checkout_state(user=request.user, course=course)
    else:
        checkout = checkout_start_service(
            user=request.user,
            course=course,
            success_url=request.build_absolute_uri(reverse("payments:success"))
            + "?session_id={CHECKOUT_SESSION_ID}",
            cancel_url=lambda order: request.build_absolute_uri(
                reverse("payments:cancel", kwargs={"order_id": order.pk})
            ),
        )
    return _checkout_response(request, course, checkout)


def _checkout_response(request, course: CoursePage, checkout: Checkout):
    if checkout.kind == CheckoutKind.FREE:
        return redirect("enroll", course_id=course.pk)
    if checkout.kind == CheckoutKind.OWNED:
        messages.info(request, _("You already have this course: no need to pay twice."))
        return redirect(_continue_url(course))
    if checkout.kind == CheckoutKind.CONFIRM:
        return TemplateResponse(
            request,
            "payments/checkout_confirm.html",
            {"course": course, "offline": checkout.offline},
        )
    if checkout.kind == CheckoutKind.OFFLINE:
        assert checkout.order is not None  # an offline checkout has its order
        return redirect("payments:test_checkout", order_id=checkout.order.pk)
    if checkout.kind == CheckoutKind.UNREACHABLE:
        messages.error(
            request,
            _(
                "We could not reach the payment provider. You have not been charged; "
                "please try again in a minute."
            ),
        )
        return redirect(course.url)
    response = HttpResponseRedirect(checkout.url)
    response.status_code = 303  # See Other: the browser GETs Stripe's page
    return response


@login_required
def checkout_success(request):
    """Stripe sends the learner here; fulfil at once if paid (the webhook may lag)."""
    session_id = request.GET.get("session_id", "")
    if not session_id.startswith("cs_"):  # not a Checkout Session: do not ask Stripe
        raise Http404
    try:
        session = stripe_gateway.checkout_session_retrieve(session_id)
    except stripe_gateway.StripeError:
        raise Http404 from None
    own_orders = learner_orders(user=request.user)
    if session.order_id is None or not own_orders.filter(pk=session.order_id).exists():
        raise Http404
    order = checkout_fulfil(session=session)
    if order is None:  # the session does not match the order it names
        raise Http404
    return _after_payment(request, order)


def _after_payment(request, order: Order):
    if order.is_paid:
        messages.success(
            request,
            _("Payment received. Welcome to %(title)s!")
            % {"title": order.course.title},
        )
        return redirect(_continue_url(order.course))
    return TemplateResponse(request, "payments/processing.html", {"order": order})


@login_required
def checkout_cancel(request, order_id: int):
    order = get_object_or_404(learner_orders(user=request.user), pk=order_id)
    messages.info(request, _("Checkout was cancelled. You have not been charged."))
    return redirect(order.course.url)


@login_required
@require_http_methods(["GET", "POST"])
def test_checkout(request, order_id: int):
    """The offline test checkout: DEBUG only, clearly labelled, same fulfilment."""
    if not offline_payments_enabled():
        raise Http404
    order = get_object_or_404(learner_orders(user=request.user), pk=order_id)
    if request.method == "POST":
        return _after_payment(request, checkout_test_pay(order=order))
    return TemplateResponse(request, "payments/test_checkout.html", {"order": order})


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's webhook: signature first (400 and nothing written on failure).

    A correctly signed body that is not an event we can read (no id, type or
    ``data.object``) is a 400, logged. An event is stored before it is
    processed (``stripe_event_receive``); if processing fails the error is
    kept on it and Stripe hears 500, so it retries. One we can read but not
    act on is recorded and answered 200, so Stripe does not retry it for days.
    """
    try:
        event = stripe_gateway.webhook_event_construct(
            request.body, request.headers.get("Stripe-Signature")
        )
    except stripe_gateway.SignatureError:
        return HttpResponseBadRequest("Invalid signature.")
    except (KeyError, TypeError, AttributeError, IndexError):
        logger.exception("A signed Stripe webhook body is not an event we can read.")
        return HttpResponseBadRequest("Malformed event.")
    if not _event_readable(event):
        logger.error(
            "A signed Stripe webhook body is not an event we can read: %r",
            request.body[:500],
        )
        return HttpResponseBadRequest("Malformed event.")
    outcome = stripe_event_receive(event=event)
    return HttpResponse(status=500 if outcome == EventOutcome.FAILED else 200)


def _event_readable(event: stripe_gateway.WebhookEvent) -> bool:
    return (
        isinstance(event.id, str)
        and bool(event.id)
        and isinstance(event.type, str)
        and isinstance(event.data_object, dict)
    )


@login_required
def order_list(request):
    return TemplateResponse(
        request,
        "payments/order_list.html",
        {"orders": learner_orders(user=request.user)},
    )


@login_required
def order_receipt(request, order_id: int):
    order = get_object_or_404(learner_orders(user=request.user), pk=order_id)
    if not order.is_paid:
        raise Http404
    return TemplateResponse(request, "payments/receipt.html", {"order": order})
