"""The learner's orders and printable receipts."""

from __future__ import annotations

import pytest

from tests.payments import events

ORDERS_URL = "/dashboard/orders/"


@pytest.fixture
def paid_purchase(purchase, stripe_double, webhook):
    """The learner's order, paid with a promotion code ($199.00 of $249.00)."""
    session = stripe_double.mark_paid(purchase.session_id, amount_total=19900)
    webhook.deliver(events.session_event("completed", session))
    purchase.order.refresh_from_db()
    return purchase


def _receipt_url(order) -> str:
    return f"/dashboard/orders/{order.pk}/receipt/"


def test_orders_page_lists_only_my_orders(
    learner_client, checkout, stranger_client, paid_purchase
):
    # Given the learner's paid order and another user's order
    theirs = checkout(client=stranger_client)

    # When the learner opens their orders
    response = learner_client.get(ORDERS_URL)

    # Then they see theirs, with its status and a receipt link, and not the other
    html = response.content.decode()
    assert response.status_code == 200
    assert paid_purchase.order.number in html
    assert "Paid" in html
    assert _receipt_url(paid_purchase.order) in html
    assert "$199.00" in html
    assert theirs.order.number not in html


def test_orders_page_shows_a_pending_order_without_a_receipt(learner_client, purchase):
    # Given an order sent to Checkout but not paid
    # When the learner opens their orders
    html = learner_client.get(ORDERS_URL).content.decode()

    # Then it is listed as awaiting payment, with no receipt link
    assert purchase.order.number in html
    assert "Awaiting payment" in html
    assert _receipt_url(purchase.order) not in html


def test_orders_page_needs_login(client, db):
    response = client.get(ORDERS_URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_receipt_of_a_paid_order_shows_the_amounts(learner_client, paid_purchase):
    # When the learner opens the receipt of their discounted purchase
    response = learner_client.get(_receipt_url(paid_purchase.order))

    # Then it shows the price, the discount, what was paid, and who paid it
    html = response.content.decode()
    assert response.status_code == 200
    assert paid_purchase.order.number in html
    assert "$249.00" in html
    assert "−$50.00" in html
    assert "$199.00" in html
    assert "learner@example.com" in html


def test_receipt_of_someone_elses_order_is_404(stranger_client, paid_purchase):
    # When another user opens the learner's receipt
    response = stranger_client.get(_receipt_url(paid_purchase.order))

    # Then: 404 (not 403: order numbers are not confirmed to strangers)
    assert response.status_code == 404


def test_receipt_of_an_unpaid_order_is_404(learner_client, purchase):
    # When the learner opens a receipt for an order they have not paid
    response = learner_client.get(_receipt_url(purchase.order))

    # Then there is no receipt to show
    assert response.status_code == 404
