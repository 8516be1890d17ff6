"""Wagtail's Site for a request, and its home page, from the cache.

Every Wagtail page view starts by finding the ``Site`` for the request's host
(one query with a computed ordering) and loading the site's root page as its
specific type (a second query), before routing. Both change only when an
editor changes a site or a page, which bumps ``core.page_generation``; the
pair is kept in the cache per host and generation, and the middleware hands
it to Wagtail through the attribute ``Site.find_for_request`` reads first.
"""

from __future__ import annotations

from django.http.request import split_domain_port

from wagtail.models import Site

from core.page_generation import generation_cached


class CachedSiteMiddleware:
    """Set ``request._wagtail_site`` (with its specific root page) from the cache.

    List it after ``CommonMiddleware`` (which validates the host): a request
    with a host Django refuses never reaches the lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _site_attach(request)
        return self.get_response(request)


def _site_attach(request) -> None:
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()
    request._wagtail_site = generation_cached(
        f"core:site:{hostname}:{port}",
        lambda: _site_find(request),
        fresh_copy=True,
    )


def _site_find(request):
    site = Site._find_for_request(request)  # Wagtail's own lookup
    if site is not None:
        # The root page as its specific type, so routing needs no query for it.
        site.root_page = site.root_page.specific
    return site
