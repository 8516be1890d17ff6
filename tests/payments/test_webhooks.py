"""Stripe's webhook as Stripe really behaves: duplicated, delayed, out of order."""

from __future__ import annotations

import datetime
from io import StringIO
from itertools import permutations

from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

import pytest

from courses.models import Enrollment
from payments.models import DisputeStatus, OrderStatus, StripeEvent
from tests.payments import events
from tests.payments.support import (
    OrderState,
    confirmations_to,
    db_snapshot,
    has_access,
    order_state,
)

AMOUNT = 24900

# Delivery, duplicates, unknown events ------------------------------------------


def test_paid_checkout_completed_fulfils_the_order(
    webhook, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given the learner paid on Checkout
    session = stripe_double.mark_paid(purchase.session_id)

    # When Stripe sends checkout.session.completed
    event = events.session_event("completed", session)
    webhook.deliver(event)

    # Then the order is paid, the learner has the course, and one email says so
    order = purchase.order
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.amount_paid == AMOUNT
    assert order.payment_intent_id == session["payment_intent"]
    assert order.paid_at is not None
    assert has_access(learner, shop.course)
    assert len(confirmations_to(mailoutbox, learner)) == 1
    # and the event is kept, linked to the order, as the audit trail
    record = StripeEvent.objects.get(event_id=event["id"])
    assert record.type == "checkout.session.completed"
    assert record.order == order
    assert record.processed_at is not None
    assert record.payload["data"]["object"]["id"] == purchase.session_id


def test_same_event_delivered_five_times_fulfils_once(
    webhook, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given one checkout.session.completed event
    session = stripe_double.mark_paid(purchase.session_id)
    body = events.body_of(events.session_event("completed", session))

    # When Stripe delivers it five times
    for _ in range(5):
        webhook.deliver(body)

    # Then: one stored event, one enrollment, one email
    assert StripeEvent.objects.count() == 1
    assert Enrollment.objects.filter(user=learner, course=shop.course).count() == 1
    assert has_access(learner, shop.course)
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_distinct_events_for_the_same_session_fulfil_once(
    webhook, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given three different events that all say the session was paid
    session = stripe_double.mark_paid(purchase.session_id)
    kinds = ["completed", "completed", "async_succeeded"]

    # When each is delivered
    for kind in kinds:
        webhook.deliver(events.session_event(kind, session))

    # Then each is stored, but the learner is enrolled and emailed once
    assert StripeEvent.objects.count() == 3
    assert Enrollment.objects.filter(user=learner, course=shop.course).count() == 1
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_unknown_event_type_is_acknowledged_and_ignored(webhook, purchase):
    # Given an event type we do not handle
    event = events.fixture("checkout_session_completed_paid")
    event["id"] = events.new_event_id()
    event["type"] = "customer.created"
    before = db_snapshot()

    # When it is delivered
    response = webhook.post(event)

    # Then Stripe hears 200 (so it stops retrying) and nothing changes
    assert response.status_code == 200
    after = db_snapshot()
    assert after["orders"] == before["orders"]
    assert after["enrollments"] == before["enrollments"]


def test_event_for_an_order_we_do_not_have_changes_nothing(webhook, purchase):
    # Given a paid session that names an order id that does not exist
    event = events.session_event(
        "completed", events.order_session(order_id=purchase.order.pk + 10_000)
    )
    before = db_snapshot()

    # When it is delivered
    webhook.deliver(event)

    # Then it is kept for the record, and no order or enrollment changes
    assert StripeEvent.objects.filter(event_id=event["id"], order=None).exists()
    after = db_snapshot()
    assert after["orders"] == before["orders"]
    assert after["enrollments"] == before["enrollments"]


def test_a_paid_session_that_is_not_the_orders_own_does_not_pay_it(
    webhook, purchase, learner, shop, mailoutbox
):
    # Given the learner's pending order, sent to Checkout with its own session
    order = purchase.order

    # When a paid checkout.session.completed arrives for another session whose
    # metadata names that order (a session we never created for it)
    stray = events.order_session(order_id=order.pk)
    webhook.deliver(events.session_event("completed", stray))

    # Then the order stays unpaid and keeps its own session; no access, no email
    order.refresh_from_db()
    assert not order.is_paid
    assert order.amount_paid == 0
    assert order.checkout_session_id == purchase.session_id
    assert order.payment_intent_id != stray["payment_intent"]
    assert not has_access(learner, shop.course)
    assert confirmations_to(mailoutbox, learner) == []


def test_unpaid_completed_session_does_not_give_access(
    webhook, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given a session completed with a delayed method (payment_status "unpaid")
    session = stripe_double.mark_processing(purchase.session_id)

    # When checkout.session.completed arrives
    webhook.deliver(events.session_event("completed_unpaid", session))

    # Then the order is processing, with no access and no email yet
    assert order_state(purchase.order) == OrderState(
        status=OrderStatus.PROCESSING,
        amount_paid=0,
        amount_refunded=0,
        dispute_status=DisputeStatus.NONE,
        has_access=False,
    )
    assert confirmations_to(mailoutbox, learner) == []


# Delayed payment methods ---------------------------------------------------------


def test_delayed_payment_that_succeeds_gives_access(
    webhook, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given a completed but unpaid session (bank debit)
    pending = stripe_double.mark_processing(purchase.session_id)
    webhook.deliver(events.session_event("completed_unpaid", pending))
    assert not has_access(learner, shop.course)

    # When the bank confirms, days later
    paid = stripe_double.mark_async_result(purchase.session_id, succeeded=True)
    webhook.deliver(events.session_event("async_succeeded", paid))

    # Then the order is paid and the learner has the course, emailed once
    state = order_state(purchase.order)
    assert state.status == OrderStatus.PAID
    assert state.has_access
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_delayed_payment_that_fails_gives_no_access(
    webhook, purchase, stripe_double, learner, shop, mailoutbox
):
    # Given a completed but unpaid session
    pending = stripe_double.mark_processing(purchase.session_id)
    webhook.deliver(events.session_event("completed_unpaid", pending))

    # When the debit fails
    failed = stripe_double.mark_async_result(purchase.session_id, succeeded=False)
    webhook.deliver(events.session_event("async_failed", failed))

    # Then the order failed, with no access and no email
    assert order_state(purchase.order) == OrderState(
        status=OrderStatus.FAILED,
        amount_paid=0,
        amount_refunded=0,
        dispute_status=DisputeStatus.NONE,
        has_access=False,
    )
    assert confirmations_to(mailoutbox, learner) == []


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (
            "async_succeeded",
            OrderState(OrderStatus.PAID, AMOUNT, 0, DisputeStatus.NONE, True),
        ),
        (
            "async_failed",
            OrderState(OrderStatus.FAILED, 0, 0, DisputeStatus.NONE, False),
        ),
    ],
)
@pytest.mark.parametrize("outcome_first", [False, True], ids=["in-order", "reversed"])
def test_delayed_payment_outcome_wins_in_either_order(
    webhook, purchase, stripe_double, outcome, expected, outcome_first
):
    # Given the completed (unpaid) event and the async outcome for one session
    pending = stripe_double.mark_processing(purchase.session_id)
    completed = events.session_event("completed_unpaid", pending)
    result = stripe_double.mark_async_result(
        purchase.session_id, succeeded=outcome == "async_succeeded"
    )
    final = events.session_event(outcome, result)
    deliveries = [final, completed] if outcome_first else [completed, final]

    # When they arrive in either order
    for event in deliveries:
        webhook.deliver(event)

    # Then the outcome decides, not the arrival order
    assert order_state(purchase.order) == expected


def test_expired_session_marks_the_order_expired(webhook, purchase, stripe_double):
    # Given a session the learner abandoned
    session = stripe_double.mark_expired(purchase.session_id)

    # When checkout.session.expired arrives
    webhook.deliver(events.session_event("expired", session))

    # Then the order is expired, with no access
    state = order_state(purchase.order)
    assert state.status == OrderStatus.EXPIRED
    assert not state.has_access


def test_late_expired_event_does_not_undo_a_payment(
    webhook, purchase, stripe_double, learner, shop
):
    # Given a paid order
    session = stripe_double.mark_paid(purchase.session_id)
    webhook.deliver(events.session_event("completed", session))

    # When a (stray) expired event for the same session arrives afterwards
    webhook.deliver(events.session_event("expired", session))

    # Then the order is still paid and the learner keeps the course
    state = order_state(purchase.order)
    assert state.status == OrderStatus.PAID
    assert state.has_access


# Refunds and disputes, in every order ----------------------------------------------


def _charge_events(session: dict, names: tuple[str, ...]) -> dict[str, dict]:
    payment_intent = session["payment_intent"]
    built = {}
    for name in names:
        if name == "completed":
            built[name] = events.session_event("completed", session)
        elif name == "refund_full":
            built[name] = events.charge_refunded_event(
                payment_intent=payment_intent, amount=AMOUNT, amount_refunded=AMOUNT
            )
        elif name == "refund_partial":
            built[name] = events.charge_refunded_event(
                payment_intent=payment_intent, amount=AMOUNT, amount_refunded=5000
            )
        elif name.startswith("dispute_"):
            built[name] = events.dispute_event(
                name.removeprefix("dispute_"),
                payment_intent=payment_intent,
                amount=AMOUNT,
            )
    return built


REFUND_CASES = {
    "full": (
        ("completed", "refund_full"),
        OrderState(OrderStatus.REFUNDED, AMOUNT, AMOUNT, DisputeStatus.NONE, False),
    ),
    "partial": (
        ("completed", "refund_partial"),
        OrderState(
            OrderStatus.PARTIALLY_REFUNDED, AMOUNT, 5000, DisputeStatus.NONE, True
        ),
    ),
    "partial-then-rest": (
        ("completed", "refund_partial", "refund_full"),
        OrderState(OrderStatus.REFUNDED, AMOUNT, AMOUNT, DisputeStatus.NONE, False),
    ),
}

DISPUTE_CASES = {
    "won": (
        ("completed", "dispute_created", "dispute_won"),
        OrderState(OrderStatus.PAID, AMOUNT, 0, DisputeStatus.WON, True),
    ),
    "lost": (
        ("completed", "dispute_created", "dispute_lost"),
        OrderState(OrderStatus.PAID, AMOUNT, 0, DisputeStatus.LOST, False),
    ),
}


def _orderings(cases: dict) -> list:
    params = []
    for case, (names, expected) in cases.items():
        for ordering in permutations(names):
            params.append(
                pytest.param(ordering, expected, id=f"{case}:{'>'.join(ordering)}")
            )
    return params


@pytest.mark.parametrize(("ordering", "expected"), _orderings(REFUND_CASES))
def test_refund_final_state_does_not_depend_on_arrival_order(
    webhook, purchase, stripe_double, learner, mailoutbox, ordering, expected
):
    # Given a paid session and its refund events
    session = stripe_double.mark_paid(purchase.session_id)
    built = _charge_events(session, ordering)

    # When they arrive in this order
    for name in ordering:
        webhook.deliver(built[name])

    # Then the state is the one every ordering reaches
    assert order_state(purchase.order) == expected
    # and the learner was never emailed twice
    assert len(confirmations_to(mailoutbox, learner)) <= 1


@pytest.mark.parametrize(("ordering", "expected"), _orderings(DISPUTE_CASES))
def test_dispute_final_state_does_not_depend_on_arrival_order(
    webhook, purchase, stripe_double, ordering, expected
):
    # Given a paid session, a dispute opened on it, and how it closed
    session = stripe_double.mark_paid(purchase.session_id)
    built = _charge_events(session, ordering)

    # When the events arrive in this order
    for name in ordering:
        webhook.deliver(built[name])

    # Then lost revokes, won keeps access, whatever the order
    assert order_state(purchase.order) == expected


def test_open_dispute_flags_the_order_and_keeps_access(
    webhook, purchase, stripe_double
):
    # Given a paid order
    session = stripe_double.mark_paid(purchase.session_id)
    webhook.deliver(events.session_event("completed", session))

    # When a dispute is opened
    webhook.deliver(
        events.dispute_event(
            "created", payment_intent=session["payment_intent"], amount=AMOUNT
        )
    )

    # Then the order is flagged; access stays until the dispute is decided
    state = order_state(purchase.order)
    assert state.dispute_status == DisputeStatus.OPEN
    assert state.has_access


def test_full_refund_revokes_but_keeps_the_enrollment_row(
    webhook, purchase, stripe_double, learner, shop
):
    # Given a paid order
    session = stripe_double.mark_paid(purchase.session_id)
    webhook.deliver(events.session_event("completed", session))

    # When it is refunded in full
    webhook.deliver(
        events.charge_refunded_event(
            payment_intent=session["payment_intent"],
            amount=AMOUNT,
            amount_refunded=AMOUNT,
        )
    )

    # Then access is revoked, and the enrollment row says why (nothing deleted)
    enrollment = Enrollment.objects.get(user=learner, course=shop.course)
    assert not enrollment.is_active
    assert "refunded" in enrollment.revoke_reason
    assert purchase.order.number in enrollment.revoke_reason


def test_refunding_a_duplicate_purchase_keeps_access_paid_by_the_other(
    webhook, checkout, stripe_double, learner, shop
):
    # Given a learner who paid twice for the same course (two tabs open at
    # Checkout: the "already enrolled" check ran before either payment)
    first = checkout()
    second = checkout()
    first_paid = stripe_double.mark_paid(first.session_id)
    second_paid = stripe_double.mark_paid(second.session_id)
    webhook.deliver(events.session_event("completed", first_paid))
    webhook.deliver(events.session_event("completed", second_paid))

    # When the duplicate is refunded in full (from Stripe's dashboard)
    webhook.deliver(
        events.charge_refunded_event(
            payment_intent=second_paid["payment_intent"],
            amount=AMOUNT,
            amount_refunded=AMOUNT,
        )
    )

    # Then the learner keeps the course: the first order still pays for it
    assert order_state(first.order).status == OrderStatus.PAID
    assert order_state(second.order).status == OrderStatus.REFUNDED
    assert has_access(learner, shop.course)


# Faults --------------------------------------------------------------------------


def test_a_failing_handler_leaves_the_event_stored_with_its_error(
    webhook, purchase, stripe_double, learner, shop, mailoutbox, monkeypatch
):
    # Given granting the enrollment fails once (a crash half-way through)
    import payments.services

    real_grant = payments.services.enrollment_grant
    calls = {"n": 0}

    def flaky_grant(**kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("injected fault in enrollment_grant")
        return real_grant(**kwargs)

    monkeypatch.setattr(payments.services, "enrollment_grant", flaky_grant)
    session = stripe_double.mark_paid(purchase.session_id)
    event = events.session_event("completed", session)
    webhook.client = Client(raise_request_exception=False)

    # When Stripe delivers the event and the handler crashes
    response = webhook.post(event)

    # Then Stripe sees a 5xx (it will retry); the event is kept with the error
    # in words, one attempt and no processed_at; what the handler wrote is
    # undone: the order still pending, no enrollment, no email
    assert response.status_code == 500
    record = StripeEvent.objects.get(event_id=event["id"])
    assert record.processed_at is None
    assert record.attempts == 1
    assert "injected fault in enrollment_grant" in record.error
    assert "RuntimeError" not in record.error
    assert record.failed_at is not None
    purchase.order.refresh_from_db()
    assert purchase.order.status == OrderStatus.PENDING
    assert not purchase.order.is_paid
    assert not Enrollment.objects.filter(user=learner, course=shop.course).exists()
    assert confirmations_to(mailoutbox, learner) == []

    # When the event is replayed later (twice, for good measure)
    out = StringIO()
    with webhook.committing():
        call_command("stripe_events_replay", stdout=out)
        call_command("stripe_events_replay", event["id"], stdout=out)

    # Then it is processed exactly once, and the command says what it did
    assert calls["n"] == 2
    record.refresh_from_db()
    assert record.processed_at is not None
    assert record.error == ""
    assert record.order == purchase.order
    assert f"{event['id']} (checkout.session.completed): processed" in out.getvalue()
    assert "already processed" in out.getvalue()
    assert order_state(purchase.order).status == OrderStatus.PAID
    assert Enrollment.objects.filter(user=learner, course=shop.course).count() == 1
    assert len(confirmations_to(mailoutbox, learner)) == 1

    # and Stripe's own retry, arriving after, changes nothing
    webhook.deliver(event)
    assert calls["n"] == 2
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_stripe_retrying_a_failed_event_processes_it_once(
    webhook, purchase, stripe_double, learner, shop, mailoutbox, monkeypatch
):
    # Given saving the order fails once, after the event row was stored
    import payments.services

    real_sync = payments.services.order_sync
    calls = {"n": 0}

    def flaky_sync(**kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("injected fault in order_sync")
        return real_sync(**kwargs)

    monkeypatch.setattr(payments.services, "order_sync", flaky_sync)
    session = stripe_double.mark_paid(purchase.session_id)
    body = events.body_of(events.session_event("completed", session))
    webhook.client = Client(raise_request_exception=False)

    # When the first delivery crashes and Stripe's retries succeed
    assert webhook.post(body).status_code == 500
    (record,) = StripeEvent.objects.all()
    assert record.processed_at is None
    webhook.deliver(body)
    webhook.deliver(body)

    # Then the one stored event is processed, and the order fulfilled once
    record.refresh_from_db()
    assert record.processed_at is not None
    assert record.attempts == 1  # the failure is still counted
    assert StripeEvent.objects.count() == 1
    assert order_state(purchase.order).has_access
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_replay_reports_an_event_that_fails_again(
    webhook, purchase, stripe_double, monkeypatch
):
    # Given an event whose handler keeps failing
    import payments.services

    def broken(**kwargs):
        raise RuntimeError("the database said no")

    monkeypatch.setattr(payments.services, "order_sync", broken)
    paid = stripe_double.mark_paid(purchase.session_id)
    event = events.session_event("completed", paid)
    webhook.client = Client(raise_request_exception=False)
    assert webhook.post(event).status_code == 500

    # When it is replayed
    out = StringIO()
    with pytest.raises(CommandError, match="still fail"):
        call_command("stripe_events_replay", stdout=out)

    # Then the command says so, with the error, and the attempts are counted
    assert "failed again. An unexpected error stopped it: the database said no" in (
        out.getvalue()
    )
    assert StripeEvent.objects.get(event_id=event["id"]).attempts == 2


def test_replay_since_a_time_leaves_older_events_alone(
    webhook, purchase, stripe_double, monkeypatch
):
    # Given a failed event received yesterday
    import payments.services

    monkeypatch.setattr(
        payments.services, "order_sync", lambda **kw: (_ for _ in ()).throw(OSError)
    )
    paid = stripe_double.mark_paid(purchase.session_id)
    event = events.session_event("completed", paid)
    webhook.client = Client(raise_request_exception=False)
    webhook.post(event)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    StripeEvent.objects.filter(event_id=event["id"]).update(created_at=yesterday)

    # When events since today are replayed
    out = StringIO()
    today = timezone.localdate().isoformat()
    call_command("stripe_events_replay", "--since", today, stdout=out)

    # Then yesterday's is not touched
    assert "Replayed 0 event(s)" in out.getvalue()
    assert StripeEvent.objects.get(event_id=event["id"]).attempts == 1
