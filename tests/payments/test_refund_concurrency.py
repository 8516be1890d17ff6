"""The same refund submitted at once from several screens: refunded once, no 500.

Threads wait on a barrier and then, all at once, POST the same full refund of
one paid order as the instructor, each on its own database connection. Each
round must end with one refund, every request answered with a redirect and a
message, no error and no thread left hanging.

Row locks (``select_for_update``) do nothing on SQLite, so this is
``postgres_only``: tests/conftest.py deselects it, saying so, on another
database; CI runs the suite on PostgreSQL.
"""

from __future__ import annotations

from django.test import Client

import pytest

from payments.models import Refund
from tests.accounts.factories import UserFactory
from tests.concurrency import run_at_once
from tests.payments import events
from tests.payments.support import STRIPE_WEBHOOK_SECRET, post_webhook

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("restore_migration_data", "on_postgresql"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 3
THREADS = 5


def _paid_order(checkout, stripe_double, n: int, tag: str):
    buyer = UserFactory(email=f"refund-racer-{tag}-{n}@example.com")
    client = Client()
    client.force_login(buyer)
    purchase = checkout(client=client)
    session = stripe_double.mark_paid(purchase.session_id)
    body = events.body_of(events.session_event("completed", session))
    response = post_webhook(Client(), body, events.sign(body, STRIPE_WEBHOOK_SECRET))
    assert response.status_code == 200
    purchase.order.refresh_from_db()
    assert purchase.order.is_paid
    return purchase.order


def _refund_job(instructor, order, form: dict):
    client = Client()  # one client per thread
    client.force_login(instructor)
    url = f"/admin/payments/orders/{order.pk}/refund/"
    return lambda: client.post(url, form)


@pytest.mark.parametrize(
    "with_token", [True, False], ids=["form-as-shown", "no-refunded-before"]
)
def test_parallel_refunds_of_one_order_refund_once(
    checkout, stripe_double, instructor, with_token
):
    tag = "token" if with_token else "plain"
    for n in range(ROUNDS):
        # Given a paid order, and the refund form as the instructor sees it
        order = _paid_order(checkout, stripe_double, n, tag)
        form = {"amount": "249", "revoke_access": "yes", "reason": "Twice"}
        if with_token:
            form["refunded_before"] = "0"

        # When the same refund is submitted several times at once
        outcome = run_at_once(
            [
                (f"refund-{i}", _refund_job(instructor, order, form))
                for i in range(THREADS)
            ]
        )

        # Then every request answered with a redirect, and one refund was made
        context = f"round {n + 1}/{ROUNDS} ({tag})"
        assert outcome.hung == [], f"{context}: threads still running: {outcome.hung}"
        assert outcome.errors == [], f"{context}:\n" + "\n".join(outcome.errors)
        statuses = [response.status_code for _label, response in outcome.results]
        assert statuses == [302] * THREADS, f"{context}: {statuses}"
        assert Refund.objects.filter(order=order).count() == 1, context
        order.refresh_from_db()
        assert order.amount_refunded == order.amount_paid, context
