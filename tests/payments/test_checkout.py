"""Pressing "Buy": an order at the course's price, then Stripe's hosted Checkout."""

from __future__ import annotations

import socket

from django.contrib.messages import get_messages
from django.urls import reverse

from courses.models import EnrollmentSource
from courses.services import enrollment_grant
from payments.models import Order, OrderStatus
from payments.stripe_gateway import API_VERSION
from tests.payments.support import STRIPE_SECRET_KEY


def _checkout_url(course) -> str:
    return reverse("payments:checkout", args=[course.pk])


def test_checkout_creates_a_pending_order_and_redirects_to_stripe_with_303(
    learner_client, learner, shop, stripe_double
):
    # When the learner presses "Buy"
    response = learner_client.post(_checkout_url(shop.course))

    # Then a pending order exists at the course's price
    order = Order.objects.get(user=learner, course=shop.course)
    assert order.status == OrderStatus.PENDING
    assert (order.amount, order.currency) == (24900, "usd")
    assert not order.is_test
    # and the browser is sent to the session's hosted page with "303 See Other"
    # (what Stripe documents after a POST)
    session = stripe_double.session(order.checkout_session_id)
    assert response["Location"] == session["url"]
    assert response.status_code == 303


def test_checkout_session_carries_the_order_price_and_learner(
    learner_client, learner, shop, stripe_double
):
    # When the learner presses "Buy"
    learner_client.post(_checkout_url(shop.course))

    # Then Stripe received exactly one Checkout Session request, saying:
    (request,) = stripe_double.requests_to("POST", "/v1/checkout/sessions")
    order = Order.objects.get(user=learner)
    sent = request.flat
    assert sent["mode"] == "payment"
    assert sent["customer_email"] == learner.email
    assert sent["client_reference_id"] == str(order.pk)
    assert sent["metadata[order_id]"] == str(order.pk)
    assert sent["payment_intent_data[metadata][order_id]"] == str(order.pk)
    assert sent["allow_promotion_codes"] == "true"
    assert sent["line_items[0][quantity]"] == "1"
    assert sent["line_items[0][price_data][unit_amount]"] == "24900"
    assert sent["line_items[0][price_data][currency]"] == "usd"
    assert sent["line_items[0][price_data][product_data][name]"] == shop.course.title
    assert sent["success_url"].endswith(
        "/payments/success/?session_id={CHECKOUT_SESSION_ID}"
    )
    assert sent["cancel_url"].endswith(f"/payments/cancel/{order.pk}/")
    # with our test key, the pinned API version and an idempotency key per order
    assert request.headers["authorization"] == f"Bearer {STRIPE_SECRET_KEY}"
    assert request.headers["stripe-version"] == API_VERSION
    assert request.headers["idempotency-key"] == f"practicum-order-{order.pk}"


def test_checkout_uses_the_price_at_purchase_time(
    learner_client, learner, shop, stripe_double
):
    # Given the instructor changes the price
    shop.course.price_amount = 19900
    shop.course.save_revision().publish()

    # When the learner buys
    learner_client.post(_checkout_url(shop.course))

    # Then the order and the session use the new price
    order = Order.objects.get(user=learner)
    assert order.amount == 19900
    assert stripe_double.session(order.checkout_session_id)["amount_total"] == 19900


def test_checkout_get_shows_a_confirmation_page(learner_client, shop, stripe_double):
    # When a learner arrives on the buy link (after logging in, say)
    response = learner_client.get(_checkout_url(shop.course))

    # Then they see what they are buying and a button; nothing is created yet
    assert response.status_code == 200
    assert "249.00" in response.content.decode()
    assert not Order.objects.exists()
    assert stripe_double.requests == []


def test_already_enrolled_learner_goes_to_the_course_instead_of_paying(
    learner_client, learner, shop, stripe_double
):
    # Given the learner already has the course
    enrollment_grant(user=learner, course=shop.course, source=EnrollmentSource.MANUAL)

    # When they press "Buy"
    response = learner_client.post(_checkout_url(shop.course))

    # Then they are sent into the course, told so, and nothing is charged
    assert response.status_code == 302
    assert response["Location"] == shop.first_lesson.url
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("pay twice" in m for m in messages)
    assert not Order.objects.exists()
    assert stripe_double.requests == []


def test_anonymous_visitor_is_sent_to_log_in_first(client, shop, stripe_double):
    # When a visitor presses "Buy"
    response = client.post(_checkout_url(shop.course))

    # Then they log in (or sign up) and come back to the same buy link
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert _checkout_url(shop.course) in response["Location"]
    assert not Order.objects.exists()
    assert stripe_double.requests == []


def test_free_course_goes_to_the_enroll_page(learner_client, course, stripe_double):
    # When a learner posts to the checkout of a free course
    response = learner_client.post(_checkout_url(course))

    # Then they are sent to the free enroll page; no order, no Stripe call
    assert response.status_code == 302
    assert response["Location"] == reverse("enroll", args=[course.pk])
    assert not Order.objects.exists()
    assert stripe_double.requests == []


def test_checkout_of_an_unpublished_course_is_404(learner_client, shop):
    # Given the course is unpublished
    shop.course.unpublish()

    # When a learner tries to buy it
    response = learner_client.post(_checkout_url(shop.course))

    # Then: 404
    assert response.status_code == 404
    assert not Order.objects.exists()


def test_stripe_down_gives_a_message_and_the_course_page(
    learner_client, learner, shop, settings
):
    # Given Stripe cannot be reached (nothing listens on that port)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port}"

    # When the learner presses "Buy"
    response = learner_client.post(_checkout_url(shop.course))

    # Then no crash: they are back on the course page, told to try again
    assert response.status_code == 302
    assert response["Location"] == shop.course.url
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("could not reach the payment provider" in m for m in messages)
    # and the order that never reached Stripe stays pending, with no session
    order = Order.objects.get(user=learner)
    assert order.status == OrderStatus.PENDING
    assert order.checkout_session_id is None


def test_stripe_refusing_the_session_gives_a_message(
    learner_client, shop, stripe_double
):
    # Given Stripe answers the session request with an error
    stripe_double.fail_next(
        "POST", "/v1/checkout/sessions", status=400, message="Invalid currency."
    )

    # When the learner presses "Buy"
    response = learner_client.post(_checkout_url(shop.course))

    # Then the course page, with a message, not a 500
    assert response.status_code == 302
    assert response["Location"] == shop.course.url
