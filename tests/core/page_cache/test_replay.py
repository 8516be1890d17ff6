"""A page from the cache carries the same headers as one rendered afresh.

The security headers set inside the cache's middleware (CSP, X-Frame-Options)
are stored with the page; those set outside it (SecurityMiddleware's nosniff,
Referrer-Policy, Cross-Origin-Opener-Policy, HSTS) are added to a hit as to
any response. Either way the visitor's browser gets the same policy.
"""

from __future__ import annotations

from django.test import Client

import pytest

from tests.core.page_cache.conftest import CACHED, cache_state

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
]


def _headers(response) -> dict[str, str]:
    return {k: v for k, v in response.items() if k != "X-Page-Cache"}


@pytest.mark.parametrize("name", CACHED)
def test_a_hit_has_the_same_headers_as_a_fresh_page(settings, urls, name):
    settings.SECURE_HSTS_SECONDS = 3600  # sent over HTTPS only, as in production

    # Given a page rendered afresh (and stored), then served from the cache
    fresh = Client().get(urls[name], secure=True)
    hit = Client().get(urls[name], secure=True)
    assert (cache_state(fresh), cache_state(hit)) == ("miss", "hit")

    # Then both carry the same headers, every security header among them
    assert _headers(hit) == _headers(fresh)
    for header in SECURITY_HEADERS:
        assert hit.get(header), header
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]


def test_a_hit_has_the_same_headers_as_an_uncached_page(settings, urls):
    # With the cache off nothing is left out that the stored page would lack.
    Client().get(urls["free course"])
    hit = Client().get(urls["free course"])
    settings.PAGE_CACHE_ENABLED = False

    uncached = Client().get(urls["free course"])

    assert _headers(hit) == _headers(uncached)
    assert hit.content == uncached.content
