"""The offline test checkout: DEBUG on, no Stripe key, a clearly labelled test page."""

from __future__ import annotations

from django.urls import reverse

import pytest

from courses.models import Enrollment
from payments.models import Order, OrderStatus
from payments.services import order_create
from tests.lessons.factories import body_marker
from tests.payments.support import confirmations_to, has_access


@pytest.fixture
def offline(settings):
    """Development without Stripe keys: the offline gateway is on."""
    settings.DEBUG = True
    settings.STRIPE_SECRET_KEY = ""
    return settings


def test_offline_purchase_lands_in_the_first_lesson(
    offline, learner_client, learner, shop, stripe_double, committing, mailoutbox
):
    # Given development settings with no Stripe key
    # When the learner presses "Buy"
    response = learner_client.post(reverse("payments:checkout", args=[shop.course.pk]))

    # Then they go to the local test checkout, not to Stripe
    order = Order.objects.get(user=learner, course=shop.course)
    assert order.is_test
    assert response.status_code == 302
    assert response["Location"] == f"/payments/test-checkout/{order.pk}/"
    assert stripe_double.requests == []

    # When they open it
    page = learner_client.get(response["Location"])

    # Then it is clearly labelled as a test payment, with the amount
    assert page.status_code == 200
    html = page.content.decode()
    assert "TEST PAYMENT" in html
    assert order.number in html
    assert "$249.00" in html
    assert "minor units" not in html

    # When they press "Pay"
    with committing():
        paid = learner_client.post(response["Location"])

    # Then the same fulfilment ran: paid, enrolled, emailed, into the first lesson
    assert paid.status_code == 302
    assert paid["Location"] == shop.first_lesson.url
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.amount_paid == 24900
    assert has_access(learner, shop.course)
    assert len(confirmations_to(mailoutbox, learner)) == 1
    lesson = learner_client.get(paid["Location"])
    assert lesson.status_code == 200
    assert body_marker(shop.first_lesson.slug) in lesson.content.decode()


def test_paying_twice_on_the_test_checkout_fulfils_once(
    offline, learner_client, learner, shop, committing, mailoutbox
):
    # Given an offline order
    order = order_create(user=learner, course=shop.course, is_test=True)
    url = f"/payments/test-checkout/{order.pk}/"

    # When "Pay" is pressed twice (a double click)
    with committing():
        learner_client.post(url)
    with committing():
        second = learner_client.post(url)

    # Then one enrollment, one email, and the second press lands in the course too
    assert second.status_code == 302
    assert second["Location"] == shop.first_lesson.url
    assert Enrollment.objects.filter(user=learner, course=shop.course).count() == 1
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_confirm_page_says_test_mode(offline, learner_client, shop):
    # When the learner opens the buy page in offline mode
    response = learner_client.get(reverse("payments:checkout", args=[shop.course.pk]))

    # Then it says no money moves
    assert response.status_code == 200
    assert "Test mode" in response.content.decode()


def test_test_checkout_is_404_without_debug(settings, learner_client, learner, shop):
    # Given production-like settings: DEBUG off (even with no Stripe key)
    settings.DEBUG = False
    settings.STRIPE_SECRET_KEY = ""
    order = order_create(user=learner, course=shop.course, is_test=True)
    url = f"/payments/test-checkout/{order.pk}/"

    # When someone opens or posts the test checkout
    page = learner_client.get(url)
    paid = learner_client.post(url)

    # Then: 404 both times, and nothing is fulfilled
    assert page.status_code == 404
    assert paid.status_code == 404
    order.refresh_from_db()
    assert not order.is_paid
    assert not has_access(learner, shop.course)


def test_test_checkout_is_404_when_stripe_is_configured(
    settings, learner_client, learner, shop
):
    # Given DEBUG on but a Stripe key set: real (test-mode) Stripe is used
    settings.DEBUG = True
    order = order_create(user=learner, course=shop.course, is_test=True)

    # When the offline page is posted
    response = learner_client.post(f"/payments/test-checkout/{order.pk}/")

    # Then: 404
    assert response.status_code == 404
    assert not has_access(learner, shop.course)


def test_test_checkout_of_someone_elses_order_is_404(
    offline, stranger_client, learner, stranger, shop
):
    # Given the learner's offline order
    order = order_create(user=learner, course=shop.course, is_test=True)

    # When another user posts "Pay" on it
    response = stranger_client.post(f"/payments/test-checkout/{order.pk}/")

    # Then: 404, nobody is enrolled
    assert response.status_code == 404
    assert not has_access(learner, shop.course)
    assert not has_access(stranger, shop.course)
