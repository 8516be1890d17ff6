"""Refunds that cannot be lost: recorded first, settled by Stripe's answer or webhook.

The instructor's refund is committed as pending before Stripe is asked; if
recording Stripe's answer fails, ``charge.refunded`` settles it with her
decisions. A refund that fails later (``charge.refund.updated``) is marked
failed, counted out of the order, and changes nobody's access.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from courses.models import Certificate, CertificateStatus, Enrollment
from payments.models import OrderStatus, Refund, RefundAccess, RefundStatus
from payments.refunds import RefundAlreadyMade, RefundOutcomeUnknown, order_refund
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


@pytest.fixture
def certificate(paid_purchase) -> Certificate:
    order = paid_purchase.order
    enrollment = Enrollment.objects.get(user=order.user, course=order.course)
    return Certificate.objects.create(
        enrollment=enrollment,
        serial="PRC-KEPT-0001",
        learner_name="Maria L. Gómez, LCSW",
        course_title=order.course.title,
        completed_on=datetime.date(2026, 11, 1),
        ce_hours=Decimal("6.00"),
        provider_name="Practicum Academy",
    )


def _charge_refunded(paid_purchase, stripe_double, stripe_refund: dict, **fields):
    payment_intent = paid_purchase.session["payment_intent"]
    return events.charge_refunded_event(
        payment_intent=payment_intent,
        charge_id=stripe_double.charge_of(payment_intent),
        refund_id=stripe_refund["id"],
        refund_metadata=stripe_refund["metadata"],
        amount=AMOUNT,
        amount_refunded=stripe_refund["amount"],
        **fields,
    )


def test_a_refund_whose_commit_fails_is_completed_by_charge_refunded(
    paid_purchase,
    stripe_double,
    webhook,
    instructor,
    learner,
    shop,
    certificate,
    monkeypatch,
):
    # Given recording Stripe's answer fails (the database, after Stripe refunded)
    import payments.refunds

    def commit_fails(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(payments.refunds, "order_sync", commit_fails)

    # When the instructor refunds in full, letting the learner keep the course
    # but revoking the certificate
    with pytest.raises(RuntimeError):
        order_refund(
            order=paid_purchase.order,
            amount=AMOUNT,
            revoke_access=False,
            revoke_certificate=True,
            requested_by=instructor,
            reason="Course cancelled",
        )

    # Then Stripe refunded, and her refund is kept, pending, with her decisions
    (stripe_refund,) = stripe_double.refunds.values()
    refund = Refund.objects.get(order=paid_purchase.order)
    assert refund.status == RefundStatus.PENDING
    assert (refund.revoke_access, refund.revoke_certificate) == (False, True)
    assert stripe_refund["metadata"]["refund_id"] == str(refund.pk)
    (sent,) = stripe_double.requests_to("POST", "/v1/refunds")
    assert sent.headers["idempotency-key"] == f"practicum-refund-{refund.pk}"
    assert order_state(paid_purchase.order).status == OrderStatus.PAID
    # and no second refund can start while this one is pending
    with pytest.raises(RefundAlreadyMade):
        order_refund(
            order=paid_purchase.order,
            amount=100,
            revoke_access=False,
            requested_by=instructor,
        )

    # When Stripe's charge.refunded arrives (twice)
    monkeypatch.undo()
    event = _charge_refunded(paid_purchase, stripe_double, stripe_refund)
    webhook.deliver(event)
    webhook.deliver(event)

    # Then the refund is made, and her decisions are applied: a full refund
    # that keeps access (the rule alone would revoke), the certificate revoked
    refund.refresh_from_db()
    assert refund.status == RefundStatus.MADE
    assert refund.stripe_refund_id == stripe_refund["id"]
    order = paid_purchase.order
    state = order_state(order)
    assert state.status == OrderStatus.REFUNDED
    assert state.amount_refunded == AMOUNT
    assert state.has_access
    assert order.refund_access == RefundAccess.KEEP
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert "Course cancelled" in certificate.revoke_reason


def test_a_charge_that_lists_no_refunds_settles_the_pending_one_by_amount(
    paid_purchase, stripe_double, webhook, instructor, learner, shop, monkeypatch
):
    # Given a refund that revokes access, left pending by a failed commit
    import payments.refunds

    monkeypatch.setattr(
        payments.refunds, "order_sync", lambda **kw: (_ for _ in ()).throw(OSError)
    )
    with pytest.raises(OSError):
        order_refund(
            order=paid_purchase.order,
            amount=5000,
            revoke_access=True,
            requested_by=instructor,
        )
    monkeypatch.undo()
    (stripe_refund,) = stripe_double.refunds.values()

    # When charge.refunded arrives without its refunds listed (Stripe expands
    # them only on request)
    event = _charge_refunded(paid_purchase, stripe_double, stripe_refund)
    del event["data"]["object"]["refunds"]
    webhook.deliver(event)

    # Then the pending refund is settled, and the partial refund revokes as asked
    assert Refund.objects.get().status == RefundStatus.MADE
    state = order_state(paid_purchase.order)
    assert state.status == OrderStatus.PARTIALLY_REFUNDED
    assert not state.has_access


def test_stripe_not_answering_leaves_the_refund_pending_until_it_confirms(
    paid_purchase, stripe_double, webhook, instructor, learner, shop
):
    # Given Stripe fails on its side (we cannot know whether it refunded)
    stripe_double.fail_next("POST", "/v1/refunds", status=500, error_type="api_error")

    # When the instructor refunds $50.00 and lets the learner keep the course
    with pytest.raises(RefundOutcomeUnknown):
        order_refund(
            order=paid_purchase.order,
            amount=5000,
            revoke_access=False,
            requested_by=instructor,
        )

    # Then the refund stays recorded as pending; nothing is refundable meanwhile
    refund = Refund.objects.get()
    assert refund.status == RefundStatus.PENDING
    paid_purchase.order.refresh_from_db()
    assert paid_purchase.order.refundable_amount == AMOUNT - 5000

    # When Stripe, having refunded after all, sends charge.refunded
    stripe_refund = {"id": "re_3TestLate", "amount": 5000, "metadata": {}}
    stripe_refund["metadata"] = {"refund_id": str(refund.pk)}
    webhook.deliver(_charge_refunded(paid_purchase, stripe_double, stripe_refund))

    # Then it is made, access kept as she chose
    refund.refresh_from_db()
    assert refund.status == RefundStatus.MADE
    assert order_state(paid_purchase.order).has_access


def test_the_refund_screen_says_when_stripe_did_not_answer(
    instructor_client, paid_purchase, stripe_double
):
    stripe_double.fail_next("POST", "/v1/refunds", status=500, error_type="api_error")

    response = instructor_client.post(
        f"/admin/payments/orders/{paid_purchase.order.pk}/refund/",
        {"amount": "50", "revoke_access": "no", "refunded_before": "0"},
        follow=True,
    )

    html = response.content.decode()
    assert "Stripe did not answer" in html
    assert "$50.00" in html
    assert "Do not refund again" in html
    assert Refund.objects.get().status == RefundStatus.PENDING


@pytest.mark.parametrize("revoke", [True, False], ids=["revoked", "kept"])
def test_a_refund_that_fails_later_is_marked_failed_and_access_stays(
    instructor_client, paid_purchase, stripe_double, webhook, learner, shop, revoke
):
    # Given the instructor refunded in full through the admin
    response = instructor_client.post(
        f"/admin/payments/orders/{paid_purchase.order.pk}/refund/",
        {"amount": "249", "revoke_access": "yes" if revoke else "no"},
    )
    assert response.status_code == 302
    (stripe_refund,) = stripe_double.refunds.values()
    webhook.deliver(_charge_refunded(paid_purchase, stripe_double, stripe_refund))
    assert has_access(learner, shop.course) is not revoke

    # When Stripe says, days later, that the refund failed
    webhook.deliver(
        events.refund_updated_event(
            stripe_refund, status="failed", failure_reason="expired_or_canceled_card"
        )
    )

    # Then the refund is failed, the money counts as paid again, refundable
    # anew, and access is exactly as she left it
    refund = Refund.objects.get()
    assert refund.status == RefundStatus.FAILED
    assert refund.failure_reason == "the card has expired or was cancelled"
    order = paid_purchase.order
    state = order_state(order)
    assert state.amount_refunded == 0
    assert state.status == OrderStatus.PAID
    assert order.refundable_amount == AMOUNT
    assert state.has_access is not revoke

    # and the instructor is told on the Payment problems screen, in words
    html = instructor_client.get("/admin/payments/problems/").content.decode()
    assert "A refund of $249.00 failed" in html
    assert "the card has expired or was cancelled" in html
    assert order.number in html
    assert stripe_refund["id"] not in html

    # and on the order's page
    html = instructor_client.get(f"/admin/orders/inspect/{order.pk}/").content
    assert "Failed: the card has expired or was cancelled" in html.decode()

    # and a later charge.refunded echo does not count the failed refund again
    webhook.deliver(_charge_refunded(paid_purchase, stripe_double, stripe_refund))
    assert order_state(paid_purchase.order).amount_refunded == 0


def test_ask_stripe_again_completes_a_waiting_refund_once(
    instructor_client, paid_purchase, stripe_double, committing
):
    # Given a refund left waiting: Stripe failed on its side
    stripe_double.fail_next("POST", "/v1/refunds", status=500, error_type="api_error")
    instructor_client.post(
        f"/admin/payments/orders/{paid_purchase.order.pk}/refund/",
        {"amount": "50", "revoke_access": "no", "refunded_before": "0"},
    )
    refund = Refund.objects.get()
    html = instructor_client.get("/admin/payments/problems/").content.decode()
    assert "A refund of $50.00" in html
    assert "Ask Stripe again" in html

    # When the instructor asks Stripe again (twice)
    url = f"/admin/payments/problems/refunds/{refund.pk}/retry/"
    with committing():
        first = instructor_client.post(url, follow=True)
    second = instructor_client.post(url, follow=True)

    # Then Stripe was asked with the same key each time, refunded once, and
    # the refund is made; the second press changes nothing
    keys = {
        r.headers["idempotency-key"]
        for r in stripe_double.requests_to("POST", "/v1/refunds")
    }
    assert keys == {refund.idempotency_key}
    assert len(stripe_double.refunds) == 1
    refund.refresh_from_db()
    assert refund.status == RefundStatus.MADE
    assert "Stripe confirmed the refund of $50.00" in first.content.decode()
    assert "settled already" in second.content.decode()
    assert order_state(paid_purchase.order).amount_refunded == 5000
