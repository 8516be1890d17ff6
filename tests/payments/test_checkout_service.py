"""``checkout_start``: the rules of pressing "Buy", without a request."""

from __future__ import annotations

from payments.checkout import CheckoutKind, checkout_start, checkout_test_pay
from payments.models import Order
from tests.payments.support import has_access


def _start(user, course):
    return checkout_start(
        user=user,
        course=course,
        success_url="https://school.example/payments/success/",
        cancel_url=lambda order: f"https://school.example/cancel/{order.pk}/",
    )


def test_a_learner_who_has_the_course_gets_no_order_and_stripe_is_not_asked(
    learner, shop, stripe_double
):
    from courses.services import enrollment_grant_by_hand

    enrollment_grant_by_hand(user=learner, course=shop.course)

    checkout = _start(learner, shop.course)

    assert checkout.kind == CheckoutKind.OWNED
    assert not Order.objects.exists()
    assert stripe_double.requests == []


def test_buying_creates_the_order_then_the_session_that_names_it(
    learner, shop, stripe_double
):
    checkout = _start(learner, shop.course)

    assert checkout.kind == CheckoutKind.STRIPE
    order = Order.objects.get()
    assert checkout.order == order
    (sent,) = stripe_double.requests_to("POST", "/v1/checkout/sessions")
    assert sent.params["client_reference_id"] == str(order.pk)
    assert sent.params["cancel_url"] == f"https://school.example/cancel/{order.pk}/"
    order.refresh_from_db()
    assert checkout.url == stripe_double.session(order.checkout_session_id)["url"]


def test_stripe_down_leaves_a_pending_order_and_says_unreachable(
    learner, shop, stripe_double
):
    stripe_double.fail_next("POST", "/v1/checkout/sessions", status=500)

    checkout = _start(learner, shop.course)

    assert checkout.kind == CheckoutKind.UNREACHABLE
    assert Order.objects.get().checkout_session_id is None


def test_the_offline_test_payment_fulfils_once(learner, shop, settings, committing):
    settings.DEBUG = True
    settings.STRIPE_SECRET_KEY = ""
    checkout = _start(learner, shop.course)
    assert checkout.kind == CheckoutKind.OFFLINE

    with committing():
        first = checkout_test_pay(order=checkout.order)
        again = checkout_test_pay(order=first)

    assert first.is_paid and first.is_test
    assert again.paid_at == first.paid_at
    assert has_access(learner, shop.course)
