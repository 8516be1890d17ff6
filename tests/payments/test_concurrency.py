"""Concurrent deliveries for one Checkout Session: fulfilled exactly once.

Twenty threads wait on a barrier and then, all at once, half POST
``checkout.session.completed`` to the webhook and half open the success page
as the buyer (which asks the Stripe double about the session). Each round uses
a fresh buyer and order and must end with one enrollment, one email, no 5xx
and no thread left hanging (a deadlock would leave threads alive).

Row locks (``select_for_update``) do nothing on SQLite, so these tests are
``postgres_only``: tests/conftest.py deselects them, saying so, on
another database; CI runs the suite on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core import mail
from django.test import Client

import pytest

from courses.models import Enrollment
from payments.models import OrderStatus, StripeEvent
from tests.accounts.factories import UserFactory
from tests.concurrency import run_at_once
from tests.payments import events
from tests.payments.support import (
    STRIPE_WEBHOOK_SECRET,
    SUCCESS_URL,
    confirmations_to,
    has_access,
    order_state,
    post_webhook,
)

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("restore_migration_data", "on_postgresql"),
    # serialized_rollback: the flush after a transactional test empties the
    # tables; this restores Wagtail's root page, site and groups first.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 5
THREADS = 20


@dataclass
class Race:
    """The outcome of one barrier-started burst of requests."""

    results: list[tuple[str, int, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    hung: list[str] = field(default_factory=list)


def race(
    jobs: list[tuple[str, Callable[[], object]]], delays: dict[str, float] | None = None
) -> Race:
    """Send every request at the same instant; keep each one's status and redirect."""
    outcome = run_at_once(jobs, delays)
    return Race(
        results=[
            (label, response.status_code, response.get("Location", ""))
            for label, response in outcome.results
        ],
        errors=outcome.errors,
        hung=outcome.hung,
    )


def _buyer_with_order(checkout, n: int, tag: str):
    buyer = UserFactory(email=f"racer-{tag}-{n}@example.com")
    client = Client()
    client.force_login(buyer)
    return buyer, checkout(client=client)


def _success_job(buyer, session_id: str) -> Callable[[], object]:
    client = Client()  # one client per thread
    client.force_login(buyer)
    return lambda: client.get(SUCCESS_URL, {"session_id": session_id})


def _webhook_job(body: bytes) -> Callable[[], object]:
    client = Client()

    def post():
        return post_webhook(client, body, events.sign(body, STRIPE_WEBHOOK_SECRET))

    return post


@pytest.mark.parametrize(
    "same_event_id", [True, False], ids=["same-id", "distinct-ids"]
)
def test_webhooks_and_success_pages_racing_fulfil_once(
    checkout, stripe_double, shop, same_event_id
):
    tag = "same" if same_event_id else "distinct"
    for n in range(ROUNDS):
        # Given a fresh buyer whose session is paid
        buyer, purchase = _buyer_with_order(checkout, n, tag)
        session = stripe_double.mark_paid(purchase.session_id)
        shared = events.body_of(events.session_event("completed", session))
        jobs = []
        for i in range(THREADS // 2):
            body = (
                shared
                if same_event_id
                else events.body_of(events.session_event("completed", session))
            )
            jobs.append((f"webhook-{i}", _webhook_job(body)))
            jobs.append((f"success-{i}", _success_job(buyer, purchase.session_id)))
        mail_before = len(confirmations_to(mail.outbox, buyer))

        # When ten webhooks and ten success pages arrive at the same instant
        outcome = race(jobs)

        # Then no thread hung (deadlock), none crashed, none answered 5xx
        context = f"round {n + 1}/{ROUNDS} ({tag})"
        assert outcome.hung == [], f"{context}: threads still running: {outcome.hung}"
        assert outcome.errors == [], f"{context}:\n" + "\n".join(outcome.errors)
        assert len(outcome.results) == THREADS, context
        for label, status, location in outcome.results:
            if label.startswith("webhook"):
                assert status == 200, f"{context}: {label} answered {status}"
            else:
                assert status == 302, f"{context}: {label} answered {status}"
                assert location == shop.first_lesson.url, f"{context}: {label}"
        # and the buyer was enrolled once, emailed once, the order paid once
        assert Enrollment.objects.filter(user=buyer, course=shop.course).count() == 1
        assert has_access(buyer, shop.course), context
        state = order_state(purchase.order)
        assert state.status == OrderStatus.PAID, context
        assert state.amount_paid == 24900, context
        emails = len(confirmations_to(mail.outbox, buyer)) - mail_before
        assert emails == 1, f"{context}: {emails} confirmation emails"
        stored = StripeEvent.objects.filter(order=purchase.order).count()
        assert stored == (1 if same_event_id else THREADS // 2), context


PAIR_ROUNDS = 22  # two sweeps of the stagger below


def _charge_event(kind: str, payment_intent: str) -> dict:
    if kind == "full-refund":
        return events.charge_refunded_event(
            payment_intent=payment_intent, amount=24900, amount_refunded=24900
        )
    return events.dispute_event("lost", payment_intent=payment_intent, amount=24900)


@pytest.mark.parametrize("charge", ["full-refund", "dispute-lost"])
@pytest.mark.parametrize("fulfilled_by", ["webhook", "success-page"])
def test_fulfilment_racing_a_revoking_charge_event_ends_revoked(
    checkout, stripe_double, shop, charge, fulfilled_by
):
    """A backlog redelivered at once: the payment and what undid it, together.

    Stripe retries for days, so an endpoint that was down receives a
    session's completion and a refund (or lost dispute) made meanwhile within
    moments of each other; the learner may also come back to the success page
    just then. Whichever commits first, the order must end without access.
    """
    for n in range(PAIR_ROUNDS):
        # Given a paid session that was then refunded in full / lost a dispute
        buyer, purchase = _buyer_with_order(checkout, n, f"{charge}-{fulfilled_by}")
        session = stripe_double.mark_paid(purchase.session_id)
        undo = _charge_event(charge, session["payment_intent"])
        if fulfilled_by == "webhook":
            completed = events.session_event("completed", session)
            fulfil = _webhook_job(events.body_of(completed))
        else:
            fulfil = _success_job(buyer, purchase.session_id)

        # When the fulfilment and the charge event arrive within moments of
        # each other (from 2 ms apart one way to 8 ms the other, round by round)
        stagger = ((n % 11) - 2) / 1000
        outcome = race(
            [("fulfil", fulfil), (charge, _webhook_job(events.body_of(undo)))],
            delays={"fulfil": max(-stagger, 0), charge: max(stagger, 0)},
        )

        # Then both succeeded, and the order ends without access
        context = f"round {n + 1}/{PAIR_ROUNDS}"
        assert outcome.hung == [], f"{context}: threads still running: {outcome.hung}"
        assert outcome.errors == [], f"{context}:\n" + "\n".join(outcome.errors)
        assert all(status < 500 for _, status, _ in outcome.results), outcome.results
        state = order_state(purchase.order)
        assert not state.has_access, (
            f"{context}: {charge} and fulfilment raced; the order is {state}"
        )
