"""Our own per-client rate limits, on allauth's limiter.

The same cache, the same reading of the client's address (behind
``ALLAUTH_TRUSTED_PROXY_COUNT`` proxies) and the same rate syntax as the
sign-in limits: ``RATE_LIMITS`` maps an action to ``"<count>/<period>/<per>"``
rates, comma-separated, ``per`` being ``ip`` or ``user`` (e.g. ``"10/10m/user,
30/10m/ip"``). An action with no rates is not limited. A refused request gets
the 429 page (``templates/429.html``) with ``Retry-After``.

allauth's public ``ratelimit.consume`` reads only its own actions and never
limits GET; its internal ``consume`` takes our rates and ``limit_get`` (pinned
with allauth, as every import of it is).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from allauth.core.internal import ratelimit as allauth_ratelimit

RETRY_AFTER_SECONDS = 60


def rate_limit_consume(request: HttpRequest, *, action: str) -> bool:
    """Count one ``action`` for this client; False once its rate is spent."""
    rates = getattr(settings, "RATE_LIMITS", {})
    usage = allauth_ratelimit.consume(
        request, app="practicum", action=action, config=rates, limit_get=True
    )
    return usage is not None


def too_many_requests(request: HttpRequest) -> HttpResponse:
    response = TemplateResponse(request, "429.html", status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "private, no-store"
    return response


def rate_limited(action: str, *, methods: tuple[str, ...] = ("GET", "POST")):
    """Answer 429 to a client past ``action``'s rate (only for ``methods``)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if request.method in methods and not rate_limit_consume(
                request, action=action
            ):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
