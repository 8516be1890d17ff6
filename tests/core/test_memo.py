"""The in-process memo keeps a value only under the generation it was built at."""

from __future__ import annotations

from core.memo import GenerationMemo


def test_a_value_is_found_under_its_generation_only():
    memo = GenerationMemo(size=4)
    memo.set("outline", 7, "built at 7")

    assert memo.get("outline", 7) == "built at 7"
    assert memo.get("outline", 8) is None  # a change bumped it: stale


def test_an_unknown_generation_keeps_and_finds_nothing():
    # When the shared cache cannot be read, the generation is unknown (None):
    # no change could bump it, so a value kept under it could go stale forever.
    memo = GenerationMemo(size=4)

    memo.set("outline", None, "built while the cache was down")

    assert memo.get("outline", None) is None


def test_the_oldest_entries_go_first_when_full():
    memo = GenerationMemo(size=2)
    for key in ("a", "b", "c"):
        memo.set(key, 1, key)

    assert [memo.get(key, 1) for key in ("a", "b", "c")] == [None, "b", "c"]
