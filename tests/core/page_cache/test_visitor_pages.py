"""A visitor's public pages come from the cache; refusals and 404s never do."""

from __future__ import annotations

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from tests.core.page_cache.conftest import CACHED, cache_state, get_counting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", CACHED)
def test_a_visitors_page_is_served_from_the_cache_without_a_query(urls, name):
    # Given a visitor who has opened the page once
    visitor = Client()
    first = visitor.get(urls[name])
    assert first.status_code == 200
    assert cache_state(first) == "miss"

    # When a visitor opens it again
    second, queries = get_counting(Client(), urls[name])

    # Then it comes from the cache, as it was, without touching the database
    assert cache_state(second) == "hit"
    assert queries == 0
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("name", CACHED)
def test_a_visitors_cached_page_has_no_csrf_token_and_no_nonce(urls, name):
    # Visitors' POST forms (enroll, buy) live on small uncached pages.
    response = Client().get(urls[name])

    assert b"csrfmiddlewaretoken" not in response.content
    assert "'nonce-" not in response["Content-Security-Policy"]
    assert not response.cookies


@pytest.mark.parametrize(
    ("name", "status"),
    [("gated lesson", 403), ("gated quiz", 403), ("missing", 404)],
)
def test_refusals_and_missing_pages_are_never_cached(urls, name, status):
    # Given a visitor who has been refused (or found nothing) once
    Client().get(urls[name])

    # When a visitor asks again
    response, _ = get_counting(Client(), urls[name])

    # Then the answer is worked out afresh, not replayed from the page cache
    assert response.status_code == status
    assert cache_state(response) is None


def test_a_page_behind_a_password_is_never_cached(urls, course):
    # Given a course behind a password (Wagtail's privacy setting)
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    # When visitors open it twice
    Client().get(urls["free course"])
    response = Client().get(urls["free course"])

    # Then each sees the password form, never a stored page
    assert response.status_code == 200
    assert cache_state(response) is None
    assert b"password" in response.content


def test_head_is_answered_from_the_get_entry(urls):
    # Given a page a visitor has read
    Client().get(urls["home"])

    # When a HEAD request comes
    response = Client().head(urls["home"])

    # Then it is a hit, with the page's headers
    assert cache_state(response) == "hit"
    assert response["Content-Type"].startswith("text/html")


def test_head_alone_stores_nothing(urls):
    assert cache_state(Client().head(urls["home"])) is None

    assert cache_state(Client().get(urls["home"])) == "miss"


def test_post_is_never_answered_from_nor_stored_in_the_cache(urls):
    # Given a page in the cache
    Client().get(urls["catalog"])

    # When a visitor posts to its address
    posted = Client().post(urls["catalog"], {"anything": "1"})

    # Then the post reaches the site
    assert cache_state(posted) is None
    # and an unseen page posted to is still not stored
    Client().post(urls["policy page"], {"anything": "1"})
    assert cache_state(Client().get(urls["policy page"])) == "miss"


def test_query_strings_are_distinct_entries(urls):
    catalog = urls["catalog"]
    assert cache_state(Client().get(f"{catalog}?page=1")) == "miss"
    assert cache_state(Client().get(f"{catalog}?page=2")) == "miss"
    assert cache_state(Client().get(catalog)) == "miss"

    assert cache_state(Client().get(f"{catalog}?page=1")) == "hit"
    assert cache_state(Client().get(catalog)) == "hit"


def test_hosts_are_distinct_entries(urls):
    Client().get(urls["home"], HTTP_HOST="academy.example.com")

    response = Client().get(urls["home"], HTTP_HOST="other.example.com")

    assert cache_state(response) == "miss"


def test_the_cache_can_be_switched_off(settings, urls):
    settings.PAGE_CACHE_ENABLED = False

    # (the catalog: the home page's cards are kept per page generation)
    Client().get(urls["catalog"])
    response, queries = get_counting(Client(), urls["catalog"])

    assert cache_state(response) is None
    assert queries > 0
