"""Deploy checks: a shared cache for allauth's counters, a trusted proxy."""

from __future__ import annotations

from core.checks import shared_cache_check, trusted_proxy_check

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DUMMY = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/0",
    }
}


def _ids(problems) -> list[str]:
    return [problem.id for problem in problems]


def test_a_per_process_cache_is_flagged(settings):
    # Given rate-limit counters in each worker's memory
    settings.CACHES = LOCMEM
    settings.ALLOW_LOCAL_CACHE = False

    # Then the deploy check warns
    assert _ids(shared_cache_check(None)) == ["core.W001"]


def test_a_shared_cache_passes(settings):
    # Given Redis
    settings.CACHES = REDIS

    # Then there is nothing to say
    assert shared_cache_check(None) == []


def test_a_one_process_server_may_keep_local_memory(settings):
    # Given an operator who says one process serves the site
    settings.CACHES = LOCMEM
    settings.ALLOW_LOCAL_CACHE = True

    # Then there is nothing to say
    assert shared_cache_check(None) == []


def test_the_dummy_cache_is_flagged_even_when_local_memory_is_allowed(settings):
    # Given a cache that forgets everything: no limit ever triggers
    settings.CACHES = DUMMY
    settings.ALLOW_LOCAL_CACHE = True

    # Then the deploy check warns regardless
    assert _ids(shared_cache_check(None)) == ["core.W002"]


def test_a_proxy_that_is_not_trusted_is_flagged(settings):
    # Given HTTPS taken from the proxy's header, but no proxy trusted
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    # Then the deploy check warns: per-IP limits would key on the proxy
    assert _ids(trusted_proxy_check(None)) == ["core.W003"]


def test_a_trusted_proxy_passes(settings):
    # Given the documented nginx, trusted
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    # Then there is nothing to say
    assert trusted_proxy_check(None) == []


def test_no_proxy_needs_no_trust(settings):
    # Given no proxy at all (development)
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    # Then there is nothing to say
    assert trusted_proxy_check(None) == []
