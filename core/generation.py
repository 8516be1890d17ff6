"""A number in the shared cache that a change bumps, and values kept under it.

Each cache of ours that must never serve stale data (page outlines, permission
sets, a page's posts, a user's own rows) stores a value together with the
generation it was computed at, and uses it only while that generation is
current. A change bumps the number twice: at once, and again when its
transaction commits, since a request that read the new number before the
commit may have cached what it saw of the old rows. A lost number (evicted)
starts afresh from the clock, a value no entry was ever stored under.

Within a request (``request_scope``, entered by
``core.page_generation.PageGenerationMiddleware``) each generation is read
from the shared cache once, and what ``cached`` returns is also kept in this
process's memory under the generation it belongs to: a warm request reads a
generation (one round trip) and finds its values here, instead of one round
trip and one unpickling of a shared copy per value. A bump in the request
forgets the number it read, so the rest of the request sees its own writes.
Values are kept pickled and unpickled for each use, so no two requests share
a mutable object. Outside a request (commands, tasks) every read goes to the
shared cache, as a write elsewhere may have happened since the last one.
"""

from __future__ import annotations

import pickle
import time
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction

from asgiref.local import Local

from core.memo import GenerationMemo

MEMO_SIZE = 4096  # values kept in each process (least recently stored go first)

_scope = Local()  # per request: {generation key: the number it read}
_memo = GenerationMemo(size=MEMO_SIZE)
_site_wide: dict[str, Generation] = {}  # read together as a request starts


@contextmanager
def request_scope():
    """Read each generation once, and keep values in memory, until the end."""
    outer = getattr(_scope, "read", None)
    _scope.read = {}
    try:
        yield
    finally:
        _scope.read = outer


def _read() -> dict | None:
    return getattr(_scope, "read", None)


def site_wide_prefetch() -> None:
    """Read every site-wide generation in one round trip (in a request scope)."""
    read = _read()
    wanted = [key for key in _site_wide if key not in read]
    if not wanted:
        return
    found = cache.get_many(wanted)
    for key in wanted:
        value = found.get(key)
        read[key] = _site_wide[key]._start() if value is None else value


class Generation:
    """``site_wide``: read by nearly every request (pages, permissions, posts),
    so read with the others as it starts (``site_wide_prefetch``)."""

    def __init__(self, key: str, *, site_wide: bool = False):
        self.key = key
        if site_wide:
            _site_wide[key] = self

    def current(self) -> int:
        read = _read()
        if read is not None and self.key in read:
            return read[self.key]
        value = cache.get(self.key)
        if value is None:
            value = self._start()
        if read is not None:
            read[self.key] = value
        return value

    def bump(self) -> None:
        self._increment()
        transaction.on_commit(self._increment)
        read = _read()
        if read is not None:
            read.pop(self.key, None)  # the rest of this request reads the new one

    def cached(self, key: str, build, seconds: int):
        """``build()``'s value under the current generation.

        In a request, from this process's memory when the generation read
        this request is the one the value was kept under; otherwise one round
        trip to the shared cache (the generation and the value together).
        """
        read = _read()
        generation = read.get(self.key) if read is not None else None
        entry, asked = None, False
        if generation is None:  # the first read of this generation here
            asked = True
            found = cache.get_many([self.key, key])
            generation = found.get(self.key)
            if generation is None:
                generation = self._start()
            if read is not None:
                read[self.key] = generation
            entry = found.get(key)
        if read is not None:
            kept = _memo.get(key, generation)
            if kept is not None:
                return pickle.loads(kept)  # noqa: S301 (our own pickle)
            if not asked:
                entry = cache.get(key)
        if entry is not None and entry[0] == generation:
            value = entry[1]
        else:
            value = build()
            cache.set(key, (generation, value), seconds)
        if read is not None:
            _memo.set(key, generation, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        return value

    def store(self, key: str, value, seconds: int) -> None:
        """Keep ``value`` under the current generation, as ``cached`` would
        have built it: for a writer that knows the new value (a value kept
        under a generation bumped meanwhile is simply never used)."""
        generation = self.current()
        cache.set(key, (generation, value), seconds)
        if _read() is not None:
            _memo.set(key, generation, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def _start(self) -> int:
        cache.add(self.key, time.time_ns(), timeout=None)
        return cache.get(self.key)

    def _increment(self) -> None:
        try:
            cache.incr(self.key)
        except ValueError:  # no generation yet: nothing cached can be current
            self._start()
