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

from courses.models import CoursePage, Enrollment, EnrollmentStatus
from courses.selectors import first_item_of
from payments import stripe_gateway
from payments.models import Order
from payments.selectors import learner_orders, offline_payments_enabled
from payments.services import checkout_fulfil, order_create
from payments.webhooks import EventOutcome, stripe_event_receive

logger = logging.getLogger(__name__)


def _continue_url(course: CoursePage) -> str:
    first = first_item_of(course=course)
    return first.url if first else course.url


@login_required
@require_http_methods(["GET", "POST"])
def checkout_start(request, course_id: int):
    """Buy a paid course: GET confirms (after sign-up or login), POST pays."""
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    if course.is_free:
        return redirect("enroll", course_id=course.pk)
    enrolled = Enrollment.objects.filter(
        user=request.user, course=course, status=EnrollmentStatus.ACTIVE
    ).exists()
    if enrolled:
        messages.info(request, _("You already have this course: no need to pay twice."))
        return redirect(_continue_url(course))
    if request.method == "GET":
        return TemplateResponse(
            request,
            "payments/checkout_confirm.html",
            {"course": course, "offline": offline_payments_enabled()},
        )
    if offline_payments_enabled():
        order = order_create(user=request.user, course=course, is_test=True)
        return redirect("payments:test_checkout", order_id=order.pk)
    order = order_create(user=request.user, course=course)
    success = request.build_absolute_uri(reverse("payments:success"))
    cancel = request.build_absolute_uri(
        reverse("payments:cancel", kwargs={"order_id": order.pk})
    )
    try:
        session = stripe_gateway.checkout_session_create(
            order_id=order.pk,
            course_title=course.title,
            amount=order.amount,
            currency=order.currency,
            customer_email=request.user.email,
            success_url=success + "?session_id={CHECKOUT_SESSION_ID}",
            cancel_url=cancel,
        )
    except stripe_gateway.StripeError:
        logger.exception("Could not create a Checkout Session for order %s", order.pk)
        messages.error(
            request,
            _(
                "We could not reach the payment provider. You have not been charged; "
                "please try again in a minute."
            ),
        )
        return redirect(course.url)
    Order.objects.filter(pk=order.pk).update(checkout_session_id=session.id)
    response = HttpResponseRedirect(session.url)
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
        if order.is_paid:
            return _after_payment(request, order)
        session = stripe_gateway.CheckoutSession(
            id=f"cs_test_offline_{order.pk}",
            order_id=order.pk,
            payment_status="paid",
            status="complete",
            payment_intent_id=f"pi_test_offline_{order.pk}",
            amount_total=order.amount,
            currency=order.currency,
        )
        order = checkout_fulfil(session=session)
        return _after_payment(request, order)
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
