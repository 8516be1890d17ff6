"""The visitors' page cache: public pages served from Django's cache.

Why our own, and not wagtail-cache: wagtail-cache 3.0 declares ``wagtail<8.0``
and we run Wagtail 8. Why not Django's ``UpdateCacheMiddleware`` /
``FetchFromCacheMiddleware`` pair: it keys on the ``Vary`` headers (every page
here varies on ``Cookie``, so each visitor with any cookie would get a key of
their own), it stores any cacheable page rather than the pages that say they
are the same for every visitor, and it has no purge but the TTL.

How it works. ``PageCacheMiddleware`` sits right after WhiteNoise, before the
session and authentication middleware, and looks only at the request: a GET or
HEAD that carries no session cookie, no messages cookie and no
``Authorization`` is a *visitor's read*. Anything else passes straight through
and is never stored, even if its session later turns out to be anonymous. A
visitor's read is answered from the cache when an entry exists (a hit costs
two cache reads and no database query), or rendered and then stored when the
response is safe to share (``_may_store``): status 200, not streaming, no
cookie set, not ``private``/``no-store``/``no-cache``, no ``Vary`` beyond
``Cookie``, an anonymous user, no CSRF token in the page, no nonce in its
policy, and served by a page that opts in with ``cache_for_visitors = True``
(the ``before_serve_page`` hook in ``core.wagtail_hooks`` marks the request).

Headers. The entry keeps every header the inner middleware set (Content-Type,
the CSP, X-Frame-Options, ``Vary``); SecurityMiddleware, which is outside this
one, adds its headers (nosniff, Referrer-Policy, HSTS, COOP) to a hit as to a
fresh page. ``X-Page-Cache`` says ``hit`` or ``miss`` (rendered and stored).

Keys and purging. A key is the scheme, host and full path with its query
string (HEAD reads GET's entry; only GET stores), today's date (CE approvals,
release dates and the footer's year change with the date) and the page
generation (``core.page_generation``), which publish, unpublish, move, save
and delete of any page and changes to the other models public pages show
bump, so every earlier entry is orphaned at once. The generation is read
before the page is rendered, so a page rendered while someone publishes is
stored under the old generation and never served; the bump is repeated on
commit, because a request may read the new generation before the publishing
transaction has committed. Entries also expire after ``PAGE_CACHE_SECONDS``,
so anything a purge missed heals. With a per-process cache (no Redis) a purge
reaches only the process that made it: production uses Redis (``core.W001``
warns).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.csp import CSP

from core.page_generation import page_generation

HEADER = "X-Page-Cache"
CSRF_FIELD = b"csrfmiddlewaretoken"
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}


class PageCacheMiddleware:
    """Answer visitors' reads of public pages from the cache (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_visitor_read(request):
            return self.get_response(request)
        key = entry_key(request)
        entry = cache.get(key)
        if entry is not None:
            return replay(entry)
        response = self.get_response(request)
        if request.method == "GET" and may_store(request, response):
            cache.set(key, snapshot(response), settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response


def is_visitor_read(request) -> bool:
    """A GET or HEAD from someone who cannot be signed in and has no message."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def may_store(request, response) -> bool:
    """Whether ``response`` is the same for every visitor, so safe to share."""
    if not getattr(request, "cacheable_for_visitors", False):
        return False  # only pages that say so
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page used a CSRF token (the cookie check catches it too)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if _tokens(response, "Cache-Control") & REFUSING_DIRECTIVES:
        return False
    if _tokens(response, "Vary") - {"cookie"}:
        return False  # keyed only by address: it must not vary on anything else
    for header in (CSP.HEADER_ENFORCE, CSP.HEADER_REPORT_ONLY):
        if "'nonce-" in response.get(str(header), ""):
            return False  # a replayed nonce would let anyone's script run
    return CSRF_FIELD not in response.content


def _tokens(response, header: str) -> set[str]:
    return {
        token.split("=")[0].strip().lower()
        for token in response.get(header, "").split(",")
        if token.strip()
    }


def snapshot(response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(name, value) for name, value in response.items() if name != HEADER]
    return response.status_code, headers, response.content


def replay(entry) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = "hit"
    return response


def entry_key(request) -> str:
    """The page's key under the current generation and today's date."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    generation = page_generation()
    return f"page-cache:{generation}:{timezone.localdate().isoformat()}:{digest}"
