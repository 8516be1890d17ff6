"""The instructor hears of each sale, once, unless she turned it off."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from config.roles import ASSISTANT, INSTRUCTOR
from core.site_url import site_url
from tests.accounts.factories import SuperuserFactory, UserFactory
from tests.payments import events

pytestmark = pytest.mark.django_db


def notices(outbox) -> list:
    return [m for m in outbox if m.subject.startswith("New sale")]


def notices_to(outbox, user) -> list:
    return [m for m in notices(outbox) if m.to == [user.email]]


def member(name: str, email: str, **fields):
    user = UserFactory(email=email, **fields)
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def dana(db):
    """The instructor, in the Instructor group (not an administrator)."""
    return member(INSTRUCTOR, "dana@example.com", first_name="Dana")


@pytest.fixture
def pay(webhook, purchase, stripe_double):
    """Stripe reports the learner's purchase paid."""

    def deliver(kind: str = "completed"):
        session = stripe_double.mark_paid(purchase.session_id)
        webhook.deliver(events.session_event(kind, session))

    return deliver


def test_a_sale_sends_one_notice_to_the_instructor(
    pay, purchase, dana, learner, shop, mailoutbox
):
    # Given an administrator who turned sale emails off, and an assistant
    opted_out = SuperuserFactory(email="owner@example.com", sale_notifications=False)
    assistant = member(ASSISTANT, "sam@example.com")

    # When the learner's payment succeeds
    pay()

    # Then the instructor alone is told, once
    assert [m.to for m in notices(mailoutbox)] == [[dana.email]]
    assert notices_to(mailoutbox, opted_out) == []
    assert notices_to(mailoutbox, assistant) == []
    assert notices_to(mailoutbox, learner) == []


def test_the_notice_says_who_bought_what_for_how_much(
    pay, purchase, dana, learner, shop, mailoutbox
):
    learner.first_name, learner.last_name = "Jordan", "Ellis"
    learner.save()

    pay()

    (notice,) = notices_to(mailoutbox, dana)
    order_url = reverse("orders:inspect", args=[purchase.order.pk])
    assert notice.subject == "New sale: Advanced Mitigation Interviewing ($249.00)"
    text = notice.body
    for expected in (
        "Jordan Ellis <learner@example.com>",
        "Advanced Mitigation Interviewing",
        "$249.00",
        purchase.order.number,
        site_url(order_url),
    ):
        assert expected in text
    assert "24900" not in text
    ((html, mimetype),) = notice.alternatives
    assert mimetype == "text/html"
    assert "Jordan Ellis &lt;learner@example.com&gt;" in html
    assert "$249.00" in html
    assert f'href="{site_url(order_url)}"' in html


def test_an_administrator_is_told_unless_opted_out(pay, instructor, mailoutbox):
    pay()

    assert len(notices_to(mailoutbox, instructor)) == 1


def test_an_inactive_instructor_is_not_told(pay, mailoutbox):
    former = member(INSTRUCTOR, "former@example.com", is_active=False)

    pay()

    assert notices_to(mailoutbox, former) == []


def test_the_same_event_delivered_twice_sends_one_notice(
    webhook, purchase, stripe_double, dana, mailoutbox
):
    session = stripe_double.mark_paid(purchase.session_id)
    body = events.body_of(events.session_event("completed", session))

    webhook.deliver(body)
    webhook.deliver(body)

    assert len(notices_to(mailoutbox, dana)) == 1


def test_every_event_saying_paid_sends_one_notice(pay, dana, mailoutbox):
    # Stripe may tell us of one payment by several distinct events
    pay("completed")
    pay("completed")
    pay("async_succeeded")

    assert len(notices_to(mailoutbox, dana)) == 1


def test_a_session_completed_without_payment_sends_no_notice(
    webhook, purchase, stripe_double, dana, mailoutbox
):
    session = stripe_double.mark_processing(purchase.session_id)

    webhook.deliver(events.session_event("completed_unpaid", session))

    assert notices(mailoutbox) == []
