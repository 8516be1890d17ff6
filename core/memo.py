"""A small in-process memory for values computed per cache generation.

The shared cache (Redis in production) keeps what every app server may reuse;
reading a large value back from it still costs a round trip and unpickling
on every request. What is immutable once built (a course outline, its
rendered pieces) is also kept here, in this process, and used only while the
shared generation it was built at is still current. Thread-safe; the oldest
entries go first when it is full.

A generation of None means the shared cache could not be read (Redis down:
its errors are misses, ``IGNORE_EXCEPTIONS``): nothing is kept or found under
it, since no change could bump it, and each request computes afresh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

_all: list[GenerationMemo] = []


def memos_clear() -> None:
    """Empty every memo of this process (tests: each starts with a fresh cache,
    and under a frozen clock a fresh generation can repeat an earlier one)."""
    for memo in _all:
        memo.clear()


class GenerationMemo:
    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[Any, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()
        _all.append(self)

    def get(self, key, generation: int):
        """The value stored for ``key`` at ``generation``, else None."""
        if generation is None:
            return None
        entry = self._entries.get(key)
        if entry is None or entry[0] != generation:
            return None
        return entry[1]

    def set(self, key, generation: int, value) -> None:
        if generation is None:
            return
        with self._lock:
            self._entries[key] = (generation, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
