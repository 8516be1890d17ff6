"""The page Stripe sends the learner back to, and the cancel page."""

from __future__ import annotations

from django.contrib.messages import get_messages

import pytest

from courses.models import Enrollment
from payments.models import OrderStatus, StripeEvent
from tests.lessons.factories import body_marker
from tests.payments import events
from tests.payments.support import SUCCESS_URL, confirmations_to, has_access


def test_success_page_alone_fulfils_a_paid_session(
    visit_success, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given the learner paid, and the webhook has not arrived (yet, or ever)
    stripe_double.mark_paid(purchase.session_id)

    # When their browser comes back to the success page
    response = visit_success(purchase.session_id)

    # Then the page asked Stripe (the double) about the session
    assert stripe_double.requests_to(
        "GET", f"/v1/checkout/sessions/{purchase.session_id}"
    )
    # and the learner lands in the first lesson, with access, emailed once
    assert response.status_code == 302
    assert response["Location"] == shop.first_lesson.url
    assert has_access(learner, shop.course)
    assert order_paid(purchase)
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_success_page_then_lesson_is_readable(
    visit_success, purchase, stripe_double, learner_client, shop
):
    # Given the learner paid and came back
    stripe_double.mark_paid(purchase.session_id)
    response = visit_success(purchase.session_id)

    # When they follow the redirect
    lesson = learner_client.get(response["Location"])

    # Then they were welcomed, and read the lesson's content (not a call to action)
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Payment received" in m for m in messages)
    assert lesson.status_code == 200
    assert body_marker(shop.first_lesson.slug) in lesson.content.decode()


@pytest.mark.parametrize(
    "webhook_first", [True, False], ids=["webhook>page", "page>webhook"]
)
def test_webhook_and_success_page_in_either_order_fulfil_once(
    webhook,
    visit_success,
    purchase,
    stripe_double,
    learner,
    shop,
    mailoutbox,
    webhook_first,
):
    # Given a paid session
    session = stripe_double.mark_paid(purchase.session_id)
    event = events.session_event("completed", session)

    # When the webhook and the success page both arrive, in either order
    if webhook_first:
        webhook.deliver(event)
        response = visit_success(purchase.session_id)
    else:
        response = visit_success(purchase.session_id)
        webhook.deliver(event)

    # Then the learner has the course once, emailed once, and lands in it
    assert response.status_code == 302
    assert response["Location"] == shop.first_lesson.url
    assert Enrollment.objects.filter(user=learner, course=shop.course).count() == 1
    assert has_access(learner, shop.course)
    assert len(confirmations_to(mailoutbox, learner)) == 1
    assert StripeEvent.objects.count() == 1


def test_success_page_for_a_pending_payment_says_processing(
    visit_success, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given a session completed with a delayed method (not paid yet)
    stripe_double.mark_processing(purchase.session_id)

    # When the learner comes back
    response = visit_success(purchase.session_id)

    # Then they read that the payment is processing, and have no access yet
    assert response.status_code == 200
    assert "processing" in response.content.decode().lower()
    purchase.order.refresh_from_db()
    assert purchase.order.status == OrderStatus.PROCESSING
    assert not has_access(learner, shop.course)
    assert confirmations_to(mailoutbox, learner) == []


def test_success_page_for_someone_elses_session_is_404(
    visit_success, purchase, stripe_double, stranger_client, stranger, shop
):
    # Given the learner's paid session
    stripe_double.mark_paid(purchase.session_id)

    # When another signed-in user opens the success page with its id
    response = visit_success(purchase.session_id, client=stranger_client)

    # Then: 404, and nobody is enrolled by it
    assert response.status_code == 404
    assert not has_access(stranger, shop.course)
    purchase.order.refresh_from_db()
    assert not purchase.order.is_paid


def test_success_page_for_a_paid_session_that_is_not_the_orders_own_is_404(
    visit_success, purchase, stripe_double, learner, shop
):
    # Given a paid session, not the one Checkout made for the learner's order,
    # whose metadata names that order
    order = purchase.order
    stray = stripe_double.add_session(
        client_reference_id=str(order.pk), metadata={"order_id": str(order.pk)}
    )
    stripe_double.mark_paid(stray["id"])

    # When the learner opens the success page with its id
    response = visit_success(stray["id"])

    # Then: 404, and the order is not paid by it
    assert response.status_code == 404
    order.refresh_from_db()
    assert not order.is_paid
    assert order.checkout_session_id == purchase.session_id
    assert not has_access(learner, shop.course)


def test_success_page_for_an_unknown_session_is_404(visit_success, purchase):
    # When the success page is opened with a session id Stripe does not know
    response = visit_success("cs_test_doesnotexist")

    # Then: 404
    assert response.status_code == 404


def test_success_page_without_a_session_id_is_404(learner_client, shop):
    # When the success page is opened bare
    response = learner_client.get(SUCCESS_URL)

    # Then: 404, not a crash
    assert response.status_code == 404


def test_success_page_needs_login(client, purchase, stripe_double):
    # Given a paid session
    stripe_double.mark_paid(purchase.session_id)

    # When an anonymous browser opens the success page
    response = client.get(SUCCESS_URL, {"session_id": purchase.session_id})

    # Then it is sent to log in first, and nothing is fulfilled
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    purchase.order.refresh_from_db()
    assert not purchase.order.is_paid


def test_cancel_returns_to_the_course_page_with_a_message(
    learner_client, purchase, shop
):
    # When the learner cancels on Checkout and Stripe sends them back
    response = learner_client.get(f"/payments/cancel/{purchase.order.pk}/")

    # Then they are back on the course page, told they were not charged
    assert response.status_code == 302
    assert response["Location"] == shop.course.url
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("not been charged" in m for m in messages)
    purchase.order.refresh_from_db()
    assert purchase.order.status == OrderStatus.PENDING


def test_cancel_of_someone_elses_order_is_404(stranger_client, purchase):
    # When another user opens the learner's cancel link
    response = stranger_client.get(f"/payments/cancel/{purchase.order.pk}/")

    # Then: 404
    assert response.status_code == 404


def order_paid(purchase) -> bool:
    purchase.order.refresh_from_db()
    return purchase.order.status == OrderStatus.PAID and purchase.order.is_paid
