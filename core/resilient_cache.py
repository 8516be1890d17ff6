"""The shared cache (Redis), where an outage is a miss and rate limits stay on.

Everything in the cache can be rebuilt from PostgreSQL, so while Redis cannot
be reached every read is a miss and every write is dropped: pages keep
serving, only slower (django-redis's ``IGNORE_EXCEPTIONS``, which this backend
sets). Two things need more than that:

- **Rate limits.** allauth counts failed logins, sign-ups and password resets
  in the default cache (keys ``allauth:rl:…``, ours included). Ignored errors
  would turn every limit off, or, since allauth's lock would never be taken,
  refuse every sign-in. While Redis is down those keys go to a memory cache in
  this process instead: each process counts on its own, so a limit is at most
  as loose as the number of gunicorn processes times its rate, never off.
- **Generations** (``core.generation``). A bump dropped during the outage
  would leave Redis, once back, serving values from before the change. So a
  process that dropped any write empties the cache when it next reaches Redis
  (``flushdb``: the cache holds nothing that is not rebuilt; sessions are
  written through to PostgreSQL, nobody is signed out).

After a failed call, Redis is not asked again for ``RETRY_SECONDS``: a page
does not wait for a timeout on each of its cache reads. ``cache_state()``
answers ``/healthz/``.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

RETRY_SECONDS = 2.0
RATE_LIMIT_PREFIX = "allauth:rl:"
FALLBACK_ENTRIES = 10_000


class _Down(Exception):
    """Redis is down: answered without asking it."""


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        options["IGNORE_EXCEPTIONS"] = True  # what we do not override: a miss
        super().__init__(server, {**params, "OPTIONS": options})
        self._local = LocMemCache(
            "rate-limit-fallback", {"OPTIONS": {"MAX_ENTRIES": FALLBACK_ENTRIES}}
        )
        self._lock = threading.Lock()
        self._down = False  # as the last call found it
        self._retry_at = 0.0  # Redis is not asked again before this
        self._writes_lost = False

    # -- the state of the connection

    def _call(self, method: str, *args, **kwargs):
        if time.monotonic() < self._retry_at:
            raise _Down
        try:
            result = getattr(self.client, method)(*args, **kwargs)
        except ConnectionInterrupted:
            with self._lock:
                if not self._down:
                    logger.error("The cache (Redis) is unreachable: serving misses.")
                self._down = True
                self._retry_at = time.monotonic() + RETRY_SECONDS
            raise _Down from None
        if self._down or self._writes_lost:
            self._recovered()
        return result

    def _recovered(self) -> None:
        with self._lock:
            lost, self._writes_lost, self._down = self._writes_lost, False, False
        if lost:
            logger.warning(
                "The cache (Redis) is back; writes were lost while it was down, "
                "so it is emptied (everything in it is rebuilt)."
            )
            try:
                self.client.clear()
            except ConnectionInterrupted:
                self._writes_lost = True
        else:
            logger.warning("The cache (Redis) is back.")

    def _write(self, method: str, key, fallback, *args, **kwargs):
        try:
            return self._call(method, key, *args, **kwargs)
        except _Down:
            if _rate_limit(key):
                return getattr(self._local, method)(key, *args, **kwargs)
            self._writes_lost = True
            return fallback

    def available(self) -> bool:
        """One round trip to Redis now, whatever the last call found."""
        self._retry_at = 0.0
        try:
            self._call("get", "core:cache-probe")
        except _Down:
            return False
        return True

    # -- Django's cache API

    def get(self, key, default=None, version=None, client=None):
        try:
            return self._call("get", key, default=default, version=version)
        except _Down:
            if _rate_limit(key):
                return self._local.get(key, default, version)
            return default

    def get_many(self, keys, version=None, client=None):
        try:
            return self._call("get_many", keys, version=version)
        except _Down:
            wanted = [key for key in keys if _rate_limit(key)]
            return self._local.get_many(wanted, version) if wanted else {}

    def has_key(self, key, version=None, client=None):
        try:
            return self._call("has_key", key, version=version)
        except _Down:
            return _rate_limit(key) and self._local.has_key(key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._write("set", key, False, value, timeout=timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        return self._write("add", key, False, value, timeout=timeout, version=version)

    def delete(self, key, version=None, client=None):
        return self._write("delete", key, False, version=version)

    def incr(self, key, delta=1, version=None, client=None, **kwargs):
        try:
            return self._call("incr", key, delta=delta, version=version)
        except _Down:
            if _rate_limit(key):
                return self._local.incr(key, delta, version)
            self._writes_lost = True
            raise ValueError(f"Key {key!r} not found (the cache is down).") from None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        try:
            return self._call("set_many", data, timeout=timeout, version=version)
        except _Down:
            self._writes_lost = True
            return list(data)

    def delete_many(self, keys, version=None, client=None):
        try:
            return self._call("delete_many", keys, version=version)
        except _Down:
            self._writes_lost = True
            return 0

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None, client=None):
        return self._write("touch", key, False, timeout=timeout, version=version)


def _rate_limit(key) -> bool:
    return isinstance(key, str) and key.startswith(RATE_LIMIT_PREFIX)


def cache_state() -> str:
    """``"ok"`` or ``"unavailable"``: whether the default cache answers now."""
    cache = caches["default"]
    available = getattr(cache, "available", None)
    return "ok" if available is None or available() else "unavailable"
