"""A number in the shared cache that a change bumps, and values kept under it.

Each cache of ours that must never serve stale data (page outlines, permission
sets, a page's posts) stores a value together with the generation it was
computed at, and uses it only while that generation is current. A change
bumps the number twice: at once, and again when its transaction commits, since
a request that read the new number before the commit may have cached what it
saw of the old rows. A lost number (evicted) starts afresh from the clock, a
value no entry was ever stored under.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import transaction


class Generation:
    def __init__(self, key: str):
        self.key = key

    def current(self) -> int:
        value = cache.get(self.key)
        return self._start() if value is None else value

    def bump(self) -> None:
        self._increment()
        transaction.on_commit(self._increment)

    def cached(self, key: str, build, seconds: int):
        """``build()``'s value under the current generation: one round trip."""
        found = cache.get_many([self.key, key])
        generation = found.get(self.key)
        if generation is None:
            generation = self._start()
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return entry[1]
        value = build()
        cache.set(key, (generation, value), seconds)
        return value

    def _start(self) -> int:
        cache.add(self.key, time.time_ns(), timeout=None)
        return cache.get(self.key)

    def _increment(self) -> None:
        try:
            cache.incr(self.key)
        except ValueError:  # no generation yet: nothing cached can be current
            self._start()
