"""Orders in the Wagtail admin: listing, filters, CSV export, and refunds."""

from __future__ import annotations

import csv
import datetime
import io

from django.utils.formats import date_format

import openpyxl
import pytest

from courses.models import Enrollment
from payments.models import OrderStatus, Refund, RefundAccess
from tests.courses.page_editor import edit_course
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


def _refund(client, order, *, amount: str, revoke: bool, reason: str = ""):
    """POST the refund form; ``amount`` is typed as the instructor types it: "50"."""
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

    # The amount defaults to everything refundable, in dollars, and the screen
    # says what was paid
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="249.00"' in html
    assert "$249.00" in html
    assert "24900" not in html


def test_refund_typed_in_dollars_refunds_that_many_dollars(
    instructor_client, paid_purchase, stripe_double, learner, shop
):
    # When the instructor types "50" as the amount to refund
    response = _refund(
        instructor_client, paid_purchase.order, amount="50", revoke=False
    )

    # Then $50.00 (5000 cents) is refunded, at Stripe and in the records
    assert response.status_code == 302
    (request,) = stripe_double.requests_to("POST", "/v1/refunds")
    assert request.flat["amount"] == "5000"
    assert Refund.objects.get(order=paid_purchase.order).amount == 5000
    assert order_state(paid_purchase.order).amount_refunded == 5000


def test_refund_success_message_shows_money(
    instructor_client, paid_purchase, stripe_double, learner, shop
):
    response = _refund(
        instructor_client, paid_purchase.order, amount="49.50", revoke=False
    )

    followed = instructor_client.get(response["Location"])
    html = followed.content.decode()
    assert "$49.50 was refunded" in html
    assert paid_purchase.order.number in html


def test_full_refund_with_revoke_calls_stripe_and_revokes(
    instructor_client, instructor, paid_purchase, stripe_double, learner, shop
):
    # When the instructor refunds the whole order and revokes access
    response = _refund(
        instructor_client,
        paid_purchase.order,
        amount="249.00",
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
    _refund(instructor_client, paid_purchase.order, amount="249", revoke=False)

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
    _refund(instructor_client, paid_purchase.order, amount="50", revoke=True)

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
    typed = f"{amount / 100:.2f}"
    _refund(instructor_client, paid_purchase.order, amount=typed, revoke=revoke)
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
        instructor_client, paid_purchase.order, amount="249", revoke=True
    )

    # Then the form says so, and no refund is recorded, access is unchanged
    assert response.status_code == 200
    assert "Nothing was changed" in response.content.decode()
    assert not Refund.objects.exists()
    assert order_state(paid_purchase.order) == before


def test_refund_above_what_is_left_is_refused_by_the_form(
    instructor_client, paid_purchase, stripe_double
):
    # When the instructor types more than was paid, by one cent
    response = _refund(
        instructor_client, paid_purchase.order, amount="249.01", revoke=True
    )

    # Then the form refuses, in money, and Stripe is not called
    assert response.status_code == 200
    assert "You can refund at most $249.00." in response.content.decode()
    assert stripe_double.requests_to("POST", "/v1/refunds") == []
    assert not Refund.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "Enter an amount to refund greater than zero."),
        ("-5", "Enter an amount of zero or more, without a minus sign."),
        ("12.345", "Enter at most 2 digits after the decimal point, e.g. 149.50."),
    ],
)
def test_refund_of_a_bad_amount_is_refused_with_a_message(
    instructor_client, paid_purchase, stripe_double, typed, message
):
    response = _refund(
        instructor_client, paid_purchase.order, amount=typed, revoke=True
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'value="{typed}"' in html
    assert stripe_double.requests_to("POST", "/v1/refunds") == []


def test_unpaid_order_cannot_be_refunded(instructor_client, purchase, stripe_double):
    # When the refund screen is opened for an unpaid order
    response = _refund(instructor_client, purchase.order, amount="1", revoke=True)

    # Then it goes back to the order with a message; Stripe is not called
    assert response.status_code == 302
    assert stripe_double.requests_to("POST", "/v1/refunds") == []


def test_editor_without_permission_cannot_refund(
    editor_client, paid_purchase, stripe_double, learner, shop
):
    # When a staff editor (not allowed to change orders) posts a refund
    response = _refund(editor_client, paid_purchase.order, amount="249", revoke=True)

    # Then it is refused; Stripe is not called
    assert response.status_code in (302, 403)
    assert stripe_double.requests_to("POST", "/v1/refunds") == []
    assert has_access(learner, shop.course)


def test_learner_cannot_reach_the_refund_screen(
    learner_client, paid_purchase, stripe_double
):
    response = _refund(learner_client, paid_purchase.order, amount="249", revoke=False)

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


def _csv_rows(response) -> list[dict[str, str]]:
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(content)))


def _xlsx_rows(response) -> list[dict[str, object]]:
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, *rows = workbook.active.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_orders_csv_export_has_a_row_per_order(
    instructor_client, paid_purchase, checkout, stranger_client
):
    pending = checkout(client=stranger_client)

    response = instructor_client.get("/admin/orders/", {"export": "csv"})

    assert response.status_code == 200
    rows = _csv_rows(response)
    by_number = {row["Order"]: row for row in rows}
    assert len(rows) == 2
    assert set(by_number) == {paid_purchase.order.number, pending.order.number}
    paid_row = by_number[paid_purchase.order.number]
    assert paid_row["Amount paid"] == "$249.00"


def test_orders_export_reads_as_words_and_money(
    instructor_client, paid_purchase, learner
):
    # Given a learner with a name, whose order is paid
    learner.first_name, learner.last_name = "Jane", "Doe"
    learner.save()

    # When the instructor downloads the orders as CSV and as XLSX
    (csv_row,) = _csv_rows(instructor_client.get("/admin/orders/", {"export": "csv"}))
    (xlsx_row,) = _xlsx_rows(
        instructor_client.get("/admin/orders/", {"export": "xlsx"})
    )

    # Then both say who, what, how much and in what state, as people write them
    for row in (csv_row, xlsx_row):
        assert row["Learner"] == "Jane Doe"
        assert row["Email"] == "learner@example.com"
        assert row["Course"] == "Advanced Mitigation Interviewing"
        assert row["Price"] == "$249.00"
        assert row["Amount paid"] == "$249.00"
        assert row["Refunded"] == "$0.00"
        assert row["Status"] == "Paid"
        assert row["Test payment?"] == "No"
    # and the CSV writes moments as dates, the XLSX as real (sortable) dates
    paid_at = paid_purchase.order.paid_at
    assert csv_row["Paid on"] == date_format(paid_at, "DATETIME_FORMAT")
    assert "+00:00" not in csv_row["Paid on"]
    assert isinstance(xlsx_row["Paid on"], datetime.datetime)


def test_orders_listing_reads_as_words_and_money(
    instructor_client, paid_purchase, learner
):
    learner.first_name, learner.last_name = "Jane", "Doe"
    learner.save()

    html = instructor_client.get("/admin/orders/").content.decode()

    assert "Jane Doe (learner@example.com)" in html
    assert "Advanced Mitigation Interviewing" in html
    assert "$249.00" in html
    assert "Amount paid" in html
    assert "24900" not in html
    assert "usd" not in html


def test_order_inspect_page_reads_as_a_document(
    instructor_client, paid_purchase, learner
):
    html = instructor_client.get(
        f"/admin/orders/inspect/{paid_purchase.order.pk}/"
    ).content.decode()

    assert "learner@example.com" in html
    assert "Advanced Mitigation Interviewing" in html
    assert "Amount paid" in html
    assert "$249.00" in html
    assert "Test payment?" in html
    assert "24900" not in html
    assert "CoursePage" not in html
    assert "No refund has been made" in html


def test_order_inspect_page_lists_the_refunds_made(
    instructor_client, instructor, paid_purchase, stripe_double, learner, shop
):
    # Given the instructor refunded $50.00 and let the learner keep access
    _refund(
        instructor_client,
        paid_purchase.order,
        amount="50",
        revoke=False,
        reason="Missed the live session",
    )

    # When she opens the order
    html = instructor_client.get(
        f"/admin/orders/inspect/{paid_purchase.order.pk}/"
    ).content.decode()

    # Then the refund reads as a line: how much, by whom, why, and what about access
    assert "$50.00" in html
    assert "instructor@example.com" in html
    assert "Missed the live session" in html
    assert "Learner kept access" in html


def test_price_typed_in_the_editor_reads_the_same_on_every_order_screen(
    instructor_client, learner_client, shop, checkout, stripe_double, webhook
):
    # Given the instructor typed "149" as the course's price in the page editor
    edit_course(instructor_client, shop.course, price="149")
    # and a learner bought it
    purchase = checkout()
    session = stripe_double.mark_paid(purchase.session_id)
    webhook.deliver(events.session_event("completed", session))
    order = purchase.order
    order.refresh_from_db()
    assert order.amount_paid == 14900

    # Then every screen the instructor and the learner read says $149.00
    screens = {
        "orders list": instructor_client.get("/admin/orders/").content.decode(),
        "inspect": instructor_client.get(
            f"/admin/orders/inspect/{order.pk}/"
        ).content.decode(),
        "receipt": learner_client.get(
            f"/dashboard/orders/{order.pk}/receipt/"
        ).content.decode(),
        "learner's orders": learner_client.get("/dashboard/orders/").content.decode(),
    }
    for screen, html in screens.items():
        assert "$149.00" in html, screen
    (csv_row,) = _csv_rows(instructor_client.get("/admin/orders/", {"export": "csv"}))
    (xlsx_row,) = _xlsx_rows(
        instructor_client.get("/admin/orders/", {"export": "xlsx"})
    )
    assert csv_row["Amount paid"] == xlsx_row["Amount paid"] == "$149.00"


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
