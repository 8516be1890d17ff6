"""Redis down: pages serve, /healthz/ says so, rate limits still count.

The cache is the production backend (``core.resilient_cache``) pointed at a
port where nothing listens, so every call is refused as when Redis stops.
"""

from __future__ import annotations

from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse

import pytest

from core.generation import Generation, request_scope
from tests.accounts.factories import PASSWORD

TOO_MANY = "Too many failed login attempts"
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.ResilientRedisCache",
            "LOCATION": UNREACHABLE_REDIS,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    yield caches["default"]
    caches["default"]._local.clear()  # the per-process fallback outlives the test


def test_pages_serve_while_the_cache_is_down(cache_down, home_page, course, lesson):
    # Given Redis unreachable
    # When a visitor opens Wagtail pages (the site lookup reads the cache first)
    for url in ("/", course.url):
        response = Client().get(url)

        # Then each page is served
        assert response.status_code == 200, url


def test_a_learner_signs_in_and_reads_while_the_cache_is_down(
    cache_down, enrolled_learner, lesson
):
    # Given Redis unreachable
    client = Client()

    # When the learner signs in (sessions are written through to PostgreSQL)
    response = client.post(
        reverse("account_login"),
        {"login": enrolled_learner.email, "password": PASSWORD},
    )

    # Then she is signed in and her lesson opens
    assert response.status_code == 302
    assert client.get(lesson.url).status_code == 200


def test_healthz_reports_the_cache_down_and_stays_200(cache_down, db):
    # Given Redis unreachable
    # When the load balancer checks health
    response = Client().get("/healthz/")

    # Then the site still serves (200), degraded, naming the cache
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "unavailable",
    }


def test_failed_logins_are_still_limited_while_the_cache_is_down(cache_down, learner):
    # Given Redis unreachable, and five failed logins against one account
    client = Client()
    for _ in range(5):
        failed = client.post(
            reverse("account_login"), {"login": learner.email, "password": "wrong"}
        )
        assert failed.status_code == 200
        assert TOO_MANY not in failed.content.decode()

    # When the right password is given
    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": PASSWORD}
    )

    # Then the limit holds: counted in this process instead of Redis
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_generations_build_afresh_while_the_cache_is_down(cache_down, db):
    # Given Redis unreachable and a value kept under a generation
    generation = Generation("test:outage-generation")
    builds = []

    def build():
        builds.append(1)
        return len(builds)

    # When it is asked for twice in a request, and once outside, and bumped
    with request_scope():
        first = generation.cached("test:outage-value", build, 60)
        second = generation.cached("test:outage-value", build, 60)
    third = generation.cached("test:outage-value", build, 60)
    generation.bump()

    # Then each read computes afresh (nothing could tell it stale) and nothing fails
    assert (first, second, third) == (1, 2, 3)


def test_a_process_that_lost_writes_empties_the_cache_when_it_is_back(settings, db):
    # Given a cache whose Redis answered again after dropping a bump
    settings.CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.ResilientRedisCache",
            "LOCATION": UNREACHABLE_REDIS,
        }
    }
    backend = caches["default"]
    generation = Generation("test:lost-bump")
    generation.bump()  # refused: the number in Redis stays where it was
    assert backend._writes_lost

    class Reachable:
        def __init__(self):
            self.cleared = 0

        def get(self, key, **kwargs):
            return kwargs.get("default")

        def clear(self):
            self.cleared += 1

        def close(self, **kwargs):
            pass

    reachable = Reachable()
    backend._client = reachable
    backend._retry_at = 0.0

    # When the process next reads the cache
    cache.get("core:anything")

    # Then it empties it once, so nothing from before the lost bump is served
    assert reachable.cleared == 1
    assert not backend._writes_lost
    cache.get("core:anything")
    assert reachable.cleared == 1


def test_the_outage_is_logged_once_not_per_call(cache_down, db, caplog):
    # Given Redis unreachable
    # When pages and health probes read the cache many times
    for _ in range(3):
        Client().get("/healthz/")
        cache.get("core:anything")

    # Then the log says so once, for this process
    said = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(said) == 1
