"""Orders in the Wagtail admin: listing, filters, CSV export, and refunds."""

from __future__ import annotations

import csv
import io

import pytest

from courses.models import Enrollment
from payments.models import OrderStatus, Refund, RefundAccess
from tests.payments import events
from tests.payments.support import has_access, order_state

AMOUNT = 24900


@pytest.fixture
def paid_purchase(purchase, stripe_double, webhook):
    session = stripe_double.mark_paid(purchase.session_id)
    webhook.deliver(events.session_event("completed", session))
    purchase.order.refresh_from_db()
    purchase.session = session
    return purchase


def _refund_url(order) -> str:
    return f"/admin/payments/orders/{order.pk}/refund/"


def _refund(client, order, *, amount: int, revoke: bool, reason: str = ""):
    return client.post(
        _refund_url(order),
        {
            "amount": amount,
            "revoke_access": "yes" if revoke else "no",
            "reason": reason,
        },
    )


# Refunds ---------------------------------------------------------------------------


def test_refund_form_shows_what_can_be_refunded(instructor_client, paid_purchase):
    response = instructor_client.get(_refund_url(paid_purchase.order))

    assert response.status_code == 200
    assert 'value="24900"' in response.content.decode()


def test_full_refund_with_revoke_calls_stripe_and_revokes(
    instructor_client, instructor, paid_purchase, stripe_double, learner, shop
):
    # When the instructor refunds the whole order and revokes access
    response = _refund(
        instructor_client,
        paid_purchase.order,
        amount=AMOUNT,
        revoke=True,
        reason="Asked within 14 days",
    )

    # Then Stripe was asked to refund that payment, with an idempotency key
    assert response.status_code == 302
    (request,) = stripe_double.requests_to("POST", "/v1/refunds")
    assert request.flat["payment_intent"] == paid_purchase.session["payment_intent"]
    assert request.flat["amount"] == str(AMOUNT)
    assert request.flat["metadata[order_id]"] == str(paid_purchase.order.pk)
    assert request.headers["idempotency-key"].startswith("practicum-refund-")
    # and the decision is recorded with Stripe's refund id
    refund = Refund.objects.get(order=paid_purchase.order)
    assert refund.amount == AMOUNT
    assert refund.revoke_access is True
    assert refund.requested_by == instructor
    assert refund.reason == "Asked within 14 days"
    assert refund.stripe_refund_id in stripe_double.refunds
    # and the learner no longer has the course
    state = order_state(paid_purchase.order)
    assert state.status == OrderStatus.REFUNDED
    assert state.amount_refunded == AMOUNT
    assert not state.has_access


def test_full_refund_keeping_access_is_respected(
    instructor_client, paid_purchase, stripe_double, learner, shop
):
    # When the instructor refunds in full but lets the learner keep the course
    _refund(instructor_client, paid_purchase.order, amount=AMOUNT, revoke=False)

    # Then Stripe refunded, the decision is recorded, and access stays
    assert len(stripe_double.refunds) == 1
    assert Refund.objects.get(order=paid_purchase.order).revoke_access is False
    paid_purchase.order.refresh_from_db()
    assert paid_purchase.order.refund_access == RefundAccess.KEEP
    assert order_state(paid_purchase.order).status == OrderStatus.REFUNDED
    assert has_access(learner, shop.course)


def test_partial_refund_with_revoke_revokes(
    instructor_client, paid_purchase, stripe_double, learner, shop
):
    # When the instructor refunds part and chooses to revoke
    _refund(instructor_client, paid_purchase.order, amount=5000, revoke=True)

    # Then the order is partly refunded and access is gone, as decided
    state = order_state(paid_purchase.order)
    assert state.status == OrderStatus.PARTIALLY_REFUNDED
    assert state.amount_refunded == 5000
    assert not state.has_access


@pytest.mark.parametrize(
    ("amount", "revoke"),
    [(AMOUNT, False), (5000, True), (5000, False), (AMOUNT, True)],
    ids=["full-keep", "partial-revoke", "partial-keep", "full-revoke"],
)
def test_later_charge_refunded_webhook_does_not_undo_the_decision(
    instructor_client,
    paid_purchase,
    stripe_double,
    webhook,
    learner,
    shop,
    amount,
    revoke,
):
    # Given the instructor refunded through the admin and decided about access
    _refund(instructor_client, paid_purchase.order, amount=amount, revoke=revoke)
    (refund_id,) = stripe_double.refunds
    decided = order_state(paid_purchase.order)
    assert decided.has_access is (not revoke)

    # When Stripe's charge.refunded for that same refund arrives (twice)
    event = events.charge_refunded_event(
        payment_intent=paid_purchase.session["payment_intent"],
        charge_id=stripe_double.charge_of(paid_purchase.session["payment_intent"]),
        refund_id=refund_id,
        amount=AMOUNT,
        amount_refunded=amount,
    )
    webhook.deliver(event)
    webhook.deliver(event)

    # Then nothing about the decision changes
    assert order_state(paid_purchase.order) == decided
    assert Refund.objects.count() == 1


def test_refund_refused_by_stripe_changes_nothing(
    instructor_client, paid_purchase, stripe_double, learner, shop
):
    # Given Stripe refuses the refund
    stripe_double.fail_next(
        "POST", "/v1/refunds", status=400, message="Charge already refunded."
    )
    before = order_state(paid_purchase.order)

    # When the instructor asks for it
    response = _refund(
        instructor_client, paid_purchase.order, amount=AMOUNT, revoke=True
    )

    # Then the form says so, and no refund is recorded, access is unchanged
    assert response.status_code == 200
    assert "Nothing was changed" in response.content.decode()
    assert not Refund.objects.exists()
    assert order_state(paid_purchase.order) == before


def test_refund_above_what_is_left_is_refused_by_the_form(
    instructor_client, paid_purchase, stripe_double
):
    # When the instructor types more than was paid
    response = _refund(
        instructor_client, paid_purchase.order, amount=AMOUNT + 1, revoke=True
    )

    # Then the form refuses, and Stripe is not called
    assert response.status_code == 200
    assert stripe_double.requests_to("POST", "/v1/refunds") == []
    assert not Refund.objects.exists()


def test_unpaid_order_cannot_be_refunded(instructor_client, purchase, stripe_double):
    # When the refund screen is opened for an unpaid order
    response = _refund(instructor_client, purchase.order, amount=100, revoke=True)

    # Then it goes back to the order with a message; Stripe is not called
    assert response.status_code == 302
    assert stripe_double.requests_to("POST", "/v1/refunds") == []


def test_editor_without_permission_cannot_refund(
    editor_client, paid_purchase, stripe_double, learner, shop
):
    # When a staff editor (not allowed to change orders) posts a refund
    response = _refund(editor_client, paid_purchase.order, amount=AMOUNT, revoke=True)

    # Then it is refused; Stripe is not called
    assert response.status_code in (302, 403)
    assert stripe_double.requests_to("POST", "/v1/refunds") == []
    assert has_access(learner, shop.course)


def test_learner_cannot_reach_the_refund_screen(
    learner_client, paid_purchase, stripe_double
):
    response = _refund(learner_client, paid_purchase.order, amount=AMOUNT, revoke=False)

    assert response.status_code in (302, 403)
    assert stripe_double.requests_to("POST", "/v1/refunds") == []


# Listing and export ------------------------------------------------------------------


def test_orders_listing_shows_orders(
    instructor_client, paid_purchase, checkout, stranger_client
):
    pending = checkout(client=stranger_client)

    response = instructor_client.get("/admin/orders/")

    html = response.content.decode()
    assert response.status_code == 200
    assert paid_purchase.order.number in html
    assert pending.order.number in html


def test_orders_listing_filters_by_status(
    instructor_client, paid_purchase, checkout, stranger_client
):
    pending = checkout(client=stranger_client)

    response = instructor_client.get("/admin/orders/", {"status": OrderStatus.PAID})

    html = response.content.decode()
    assert response.status_code == 200
    assert paid_purchase.order.number in html
    assert pending.order.number not in html


def test_orders_csv_export_has_a_row_per_order(
    instructor_client, paid_purchase, checkout, stranger_client
):
    pending = checkout(client=stranger_client)

    response = instructor_client.get("/admin/orders/", {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    by_session = {row.get("Checkout session id", ""): row for row in rows}
    assert len(rows) == 2
    assert paid_purchase.order.checkout_session_id in by_session
    assert pending.order.checkout_session_id in by_session
    paid_row = by_session[paid_purchase.order.checkout_session_id]
    assert paid_row["Amount paid"] == str(AMOUNT)


def test_order_inspect_page_offers_a_refund(instructor_client, paid_purchase):
    response = instructor_client.get(f"/admin/orders/inspect/{paid_purchase.order.pk}/")

    assert response.status_code == 200
    assert _refund_url(paid_purchase.order) in response.content.decode()


def test_orders_cannot_be_edited_or_deleted_in_the_admin(
    instructor_client, paid_purchase
):
    pk = paid_purchase.order.pk
    edit = instructor_client.post(f"/admin/orders/edit/{pk}/", {"status": "pending"})
    delete = instructor_client.post(f"/admin/orders/delete/{pk}/")

    assert edit.status_code in (302, 403)
    assert delete.status_code in (302, 403)
    paid_purchase.order.refresh_from_db()
    assert paid_purchase.order.status == OrderStatus.PAID
    assert Enrollment.objects.filter(course=paid_purchase.order.course).exists()
