"""Deploy checks (``manage.py check --deploy``) for what allauth's limits rely on.

allauth keeps its rate-limit counters in the default cache and keys the per-IP
ones on the client's address. A per-process cache multiplies every limit by the
number of gunicorn workers; a proxy that is not trusted turns every per-IP limit
into one bucket shared by all visitors. See docs/DEPLOY.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
}
NO_CACHES = {
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security, Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """Warn unless rate-limit counters live in a cache every worker shares."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in NO_CACHES:
        return [
            Warning(
                "The default cache is Django's dummy cache, so allauth's rate "
                "limits (failed logins, sign-ups, password resets) never trigger.",
                hint="Set REDIS_URL to a Redis shared by every app server.",
                id="core.W002",
            )
        ]
    if backend in PER_PROCESS_CACHES and not getattr(
        settings, "ALLOW_LOCAL_CACHE", False
    ):
        return [
            Warning(
                "The default cache is local to each process, so every gunicorn "
                "worker counts failed logins and sign-ups on its own and the "
                "rate limits multiply with the number of workers.",
                hint="Set REDIS_URL to a Redis shared by every app server. On a "
                "single server running one gunicorn worker process, set "
                "ALLOW_LOCAL_CACHE=true instead.",
                id="core.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def trusted_proxy_check(app_configs, **kwargs):
    """Warn when HTTPS is taken from a proxy whose X-Forwarded-For is ignored."""
    behind_proxy = bool(getattr(settings, "SECURE_PROXY_SSL_HEADER", None))
    if behind_proxy and getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0) < 1:
        return [
            Warning(
                "The site runs behind a proxy (SECURE_PROXY_SSL_HEADER is set) but "
                "TRUSTED_PROXY_COUNT is 0, so allauth's per-IP rate limits see only "
                "the proxy's address: one attacker's failed logins lock out "
                "everyone.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies you run in "
                "front of gunicorn (1 for the documented nginx).",
                id="core.W003",
            )
        ]
    return []
