"""Only a response that is the same for every visitor is stored.

Each case below spoils an otherwise cacheable page the way a change to a
template or a view might (an ``on_serve_page`` hook wraps the page's serve),
and checks the next visitor still gets a page rendered afresh.
"""

from __future__ import annotations

from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail import hooks

import pytest

from core.page_cache import may_store
from tests.core.page_cache.conftest import cache_state

pytestmark = pytest.mark.django_db


def _sets_a_cookie(request, response):
    response.set_cookie("seen", "1")


def _uses_a_csrf_token(request, response):
    get_token(request)  # as {% csrf_token %} would


def _uses_a_nonce(request, response):
    str(request._csp_nonce)  # as {% csp_nonce_attr %} would


def _private(request, response):
    patch_cache_control(response, private=True)


def _no_store(request, response):
    patch_cache_control(response, no_store=True)


def _no_cache(request, response):
    patch_cache_control(response, no_cache=True)


def _varies_on_language(request, response):
    patch_vary_headers(response, ["Accept-Language"])


def _csrf_field_in_body(request, response):
    response.content += b'<input name="csrfmiddlewaretoken" value="x">'


SPOILERS = [
    _sets_a_cookie,
    _uses_a_csrf_token,
    _uses_a_nonce,
    _private,
    _no_store,
    _no_cache,
    _varies_on_language,
    _csrf_field_in_body,
]


def _spoiling(spoil):
    def wrap(next_serve):
        def serve(page, request, args, kwargs):
            response = next_serve(page, request, args, kwargs)
            response.render()
            spoil(request, response)
            return response

        return serve

    return wrap


@pytest.mark.parametrize("spoil", SPOILERS, ids=lambda f: f.__name__.strip("_"))
def test_a_spoiled_page_is_not_stored(urls, spoil):
    # Given a page whose response is, this time, not the same for everyone
    with hooks.register_temporarily("on_serve_page", _spoiling(spoil)):
        first = Client().get(urls["home"])

    # Then it was not stored: the next visitor gets a page rendered afresh
    assert first.status_code == 200
    assert cache_state(first) is None
    assert cache_state(Client().get(urls["home"])) == "miss"


def test_a_page_that_does_not_opt_in_is_not_stored(urls, monkeypatch):
    from core.models import HomePage

    monkeypatch.setattr(HomePage, "cache_for_visitors", False)

    Client().get(urls["home"])

    assert cache_state(Client().get(urls["home"])) is None


def _cacheable_request(user):
    request = RequestFactory().get("/")
    request.cacheable_for_visitors = True
    request.user = user
    return request


def test_may_store_a_plain_page_for_an_anonymous_user():
    from django.contrib.auth.models import AnonymousUser

    assert may_store(_cacheable_request(AnonymousUser()), HttpResponse(b"<p>Hi</p>"))


def test_never_stores_a_page_for_a_signed_in_user(learner):
    # Even without a session cookie (some other way of signing in).
    assert not may_store(_cacheable_request(learner), HttpResponse(b"<p>Hi</p>"))


@pytest.mark.parametrize("status", [201, 204, 301, 302, 403, 404, 500])
def test_stores_only_status_200(status):
    from django.contrib.auth.models import AnonymousUser

    response = HttpResponse(b"", status=status)

    assert not may_store(_cacheable_request(AnonymousUser()), response)


def test_never_stores_a_streaming_response():
    from django.contrib.auth.models import AnonymousUser

    response = StreamingHttpResponse(iter([b"a", b"b"]))

    assert not may_store(_cacheable_request(AnonymousUser()), response)
