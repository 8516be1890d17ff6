"""Checkout starts and certificate checks are limited per client, with a clear 429."""

from __future__ import annotations

from django.core.cache import cache
from django.test import Client

import pytest

from payments.models import Order


@pytest.fixture
def limits(settings):
    """Low limits, on an empty cache (the counters live in the cache)."""
    cache.clear()
    settings.RATE_LIMITS = {
        "checkout_start": "2/10m/user",
        "certificate_verify": "3/m/ip",
    }
    yield
    cache.clear()


def test_certificate_checks_past_the_limit_get_a_429_page(db, limits):
    client = Client()
    statuses = [
        client.get(f"/certificates/verify/PRC-NONE-{n:04d}/").status_code
        for n in range(4)
    ]

    assert statuses == [404, 404, 404, 429]
    response = client.get("/certificates/verify/PRC-NONE-0009/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "<h1>Please wait a minute</h1>" in html
    assert 'role="status"' in html
    assert "Nothing was charged or changed." in html


def test_another_client_is_not_limited(db, limits):
    for n in range(4):
        Client(REMOTE_ADDR="10.0.0.1").get(f"/certificates/verify/PRC-A-{n}/")

    response = Client(REMOTE_ADDR="10.0.0.2").get("/certificates/verify/PRC-B-1/")

    assert response.status_code == 404


def test_checkout_starts_past_the_limit_create_no_order(
    learner_client, course_index, limits, settings
):
    from tests.courses.factories import CoursePageFactory

    settings.DEBUG = True  # the offline test checkout: no Stripe needed
    settings.STRIPE_SECRET_KEY = ""
    course = CoursePageFactory(
        parent=course_index, title="Paid", slug="paid", price_amount=24900
    )
    url = f"/payments/checkout/{course.pk}/"

    statuses = [learner_client.post(url).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert Order.objects.count() == 2
    # the confirmation page (GET) is not counted
    assert learner_client.get(url).status_code == 200


def test_with_no_limit_set_nothing_is_limited(db, settings):
    settings.RATE_LIMITS = {}
    client = Client()
    statuses = {
        client.get(f"/certificates/verify/X-{n}/").status_code for n in range(40)
    }
    assert statuses == {404}
