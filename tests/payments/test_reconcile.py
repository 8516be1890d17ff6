"""``manage.py stripe_reconcile``: fulfil what a missed webhook left behind."""

from __future__ import annotations

import time
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from courses.models import Enrollment
from payments.models import OrderStatus
from tests.payments.support import confirmations_to, db_snapshot, has_access


def _reconcile(*args: str) -> str:
    out = StringIO()
    call_command("stripe_reconcile", *args, stdout=out)
    return out.getvalue()


def test_reconcile_twice_fulfils_a_missed_session_once(
    purchase, stripe_double, learner, shop, committing, mailoutbox
):
    # Given a paid session whose webhook never arrived (and no success page)
    stripe_double.mark_paid(purchase.session_id)
    assert not has_access(learner, shop.course)

    # When the reconcile command runs
    with committing():
        first_output = _reconcile("--since", "3d")

    # Then it asked Stripe for complete sessions since three days ago
    (listing,) = stripe_double.requests_to("GET", "/v1/checkout/sessions")
    assert listing.flat["status"] == "complete"
    since = int(listing.flat["created[gte]"])
    assert abs(since - (time.time() - 3 * 86400)) < 120
    # and fulfilled the order, once
    purchase.order.refresh_from_db()
    assert purchase.order.status == OrderStatus.PAID
    assert has_access(learner, shop.course)
    assert len(confirmations_to(mailoutbox, learner)) == 1
    assert "1 paid sessions" in first_output
    after_first = db_snapshot()

    # When it runs again
    with committing():
        _reconcile("--since", "3d")

    # Then nothing changes: same rows, no second email
    assert db_snapshot() == after_first
    assert len(confirmations_to(mailoutbox, learner)) == 1


def test_reconcile_leaves_unpaid_and_open_sessions_alone(
    checkout,
    stranger_client,
    purchase,
    stripe_double,
    learner,
    stranger,
    shop,
    committing,
):
    # Given one open session and one completed but unpaid (delayed) session
    pending = checkout(client=stranger_client)
    stripe_double.mark_processing(pending.session_id)
    before = db_snapshot()

    # When reconcile runs
    with committing():
        _reconcile("--since", "3d")

    # Then neither is fulfilled
    assert db_snapshot()["enrollments"] == before["enrollments"]
    assert not has_access(learner, shop.course)
    assert not has_access(stranger, shop.course)


def test_reconcile_pages_through_every_session(
    purchase, stripe_double, learner, shop, committing
):
    # Given more complete sessions than fit on one page (Stripe's limit is 100),
    # the learner's paid one being the oldest, so on the second page
    stripe_double.mark_paid(purchase.session_id)
    stripe_double.sessions[purchase.session_id]["created"] = int(time.time()) - 3600
    for n in range(120):
        stripe_double.add_session(
            client_reference_id=None,
            status="complete",
            payment_status="paid",
            payment_intent=f"pi_other_{n}",
        )

    # When reconcile runs
    with committing():
        output = _reconcile("--since", "3d")

    # Then it followed has_more to the second page and found the order
    listings = stripe_double.requests_to("GET", "/v1/checkout/sessions")
    assert len(listings) == 2
    assert "starting_after" in listings[1].flat
    assert "Checked 121 sessions" in output
    assert has_access(learner, shop.course)


def test_reconcile_does_not_look_before_since(
    purchase, stripe_double, learner, shop, committing
):
    # Given a paid session created four days ago
    stripe_double.mark_paid(purchase.session_id)
    stripe_double.sessions[purchase.session_id]["created"] = (
        int(time.time()) - 4 * 86400
    )

    # When reconcile looks back three days
    with committing():
        _reconcile("--since", "3d")

    # Then that session is not in the window
    assert not has_access(learner, shop.course)

    # When it looks back five days, it is
    with committing():
        _reconcile("--since", "5d")
    assert has_access(learner, shop.course)
    assert Enrollment.objects.filter(user=learner, course=shop.course).count() == 1


def test_reconcile_with_stripe_unreachable_fails_clearly(settings, db):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # discard port: nothing listens

    with pytest.raises(CommandError, match="Stripe could not be reached"):
        _reconcile("--since", "3d")


def test_reconcile_rejects_a_bad_since(db):
    with pytest.raises(CommandError, match="--since"):
        _reconcile("--since", "three days")
