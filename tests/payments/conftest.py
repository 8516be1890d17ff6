"""Fixtures for the payment tests: the Stripe double, a paid course, purchases.

Every test in this folder talks to a local Stripe double (``stripe_double``)
through the real SDK: ``STRIPE_API_BASE`` points at it, with test keys. No
test here can reach the internet.

``postgres_only`` tests (the concurrent webhook races) need real row locks:
tests/conftest.py deselects them, loudly, on another database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.urls import reverse

import pytest

from courses.models import CoursePage, ModulePage
from lessons.models import LessonPage
from payments.models import Order
from tests.accounts.factories import UserFactory
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.lessons.factories import LessonPageFactory
from tests.payments import events
from tests.payments.stripe_double import StripeDouble
from tests.payments.support import (
    STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET,
    SUCCESS_URL,
    post_webhook,
)

# Stripe ------------------------------------------------------------------------


@pytest.fixture
def stripe_double():
    """A running Stripe double on 127.0.0.1 (a free port), stopped afterwards."""
    double = StripeDouble().start()
    yield double
    double.stop()


@pytest.fixture(autouse=True)
def stripe_settings(settings, stripe_double):
    """Point the SDK at the double, with test keys and a webhook secret."""
    settings.STRIPE_API_BASE = stripe_double.url
    settings.STRIPE_SECRET_KEY = STRIPE_SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
    return settings


# The paid course -----------------------------------------------------------------


@dataclass
class Shop:
    course: CoursePage
    module: ModulePage
    first_lesson: LessonPage
    second_lesson: LessonPage


@pytest.fixture
def shop(course_index) -> Shop:
    """A paid course ($249.00) with one module of two lessons."""
    course = CoursePageFactory(
        parent=course_index,
        title="Advanced Mitigation Interviewing",
        slug="advanced-mitigation",
        price_amount=24900,
        currency="usd",
    )
    module = ModulePageFactory(parent=course, title="Interviewing", slug="interviewing")
    first = LessonPageFactory(parent=module, title="Before you meet", slug="before")
    second = LessonPageFactory(parent=module, title="The first visit", slug="visit")
    return Shop(course=course, module=module, first_lesson=first, second_lesson=second)


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.com")


@pytest.fixture
def stranger_client(stranger) -> Client:
    client = Client()
    client.force_login(stranger)
    return client


# Purchases -----------------------------------------------------------------------


@dataclass
class Purchase:
    """An order sent to Checkout, and its session as the double holds it."""

    order: Order
    session: dict[str, Any]

    @property
    def session_id(self) -> str:
        return self.session["id"]


@pytest.fixture
def checkout(learner_client, shop, stripe_double) -> Callable[..., Purchase]:
    """Press "Buy": POST the checkout view, as the learner unless told otherwise."""

    def start(client: Client = learner_client, course=None) -> Purchase:
        course = course or shop.course
        before = set(Order.objects.values_list("pk", flat=True))
        response = client.post(reverse("payments:checkout", args=[course.pk]))
        # 303 is asserted in test_checkout; a 302 here must not hide other tests.
        assert response.status_code in (302, 303), response
        (order,) = Order.objects.exclude(pk__in=before)
        session = stripe_double.session(order.checkout_session_id)
        assert response["Location"] == session["url"]
        return Purchase(order=order, session=session)

    return start


@pytest.fixture
def purchase(checkout) -> Purchase:
    """The learner's pending order for the shop's course, with an open session."""
    return checkout()


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (the confirmation email) as a real commit would.

    Tests run inside a transaction that is rolled back, so Django would never
    run ``transaction.on_commit`` callbacks; this context runs them on exit.
    """

    def context():
        return django_capture_on_commit_callbacks(execute=True)

    return context


@dataclass
class Webhook:
    """Posts signed events to the webhook, running on-commit callbacks."""

    client: Client
    committing: Callable

    def post(
        self,
        event: dict[str, Any] | bytes,
        *,
        secret: str = STRIPE_WEBHOOK_SECRET,
        timestamp: int | None = None,
    ):
        body = event if isinstance(event, bytes) else events.body_of(event)
        signature = events.sign(body, secret, timestamp=timestamp)
        return self.post_raw(body, signature)

    def post_raw(self, body: bytes, signature: str | None):
        with self.committing():
            return post_webhook(self.client, body, signature)

    def deliver(self, event: dict[str, Any] | bytes):
        """Post and expect Stripe's "received" (200)."""
        response = self.post(event)
        assert response.status_code == 200, response.content
        return response


@pytest.fixture
def webhook(committing) -> Webhook:
    return Webhook(client=Client(), committing=committing)


@pytest.fixture
def visit_success(learner_client, committing):
    """The learner's browser arriving back from Checkout."""

    def visit(session_id: str, client: Client = learner_client):
        with committing():
            return client.get(SUCCESS_URL, {"session_id": session_id})

    return visit
