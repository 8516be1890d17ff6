"""``core.generation`` within a request: each generation read once, values kept.

In a request scope a generation is read from the shared cache once and what
``Generation.cached`` returns is kept in the process's memory under it; a
bump in the request is seen at once, another process's bump from the next
request on, and no two reads share a mutable object.
"""

from __future__ import annotations

from unittest import mock

from django.core.cache import cache

import pytest

from core.generation import Generation, request_scope

GENERATION = Generation("tests:scope:generation")


def _cached(builds: list, key="tests:scope:value"):
    return GENERATION.cached(key, lambda: builds.append(1) or {"n": len(builds)}, 60)


def test_a_request_finds_a_kept_value_in_memory():
    builds: list = []
    with request_scope():
        _cached(builds)  # built, stored in the shared cache and kept here
    cache.delete("tests:scope:value")  # so a read of the shared copy would rebuild

    with (
        request_scope(),
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
    ):
        first = _cached(builds)
        second = _cached(builds)

    assert builds == [1]
    assert first == second == {"n": 1}
    assert first is not second  # each read its own copy
    assert get_many.call_count == 1  # the generation, read once


@pytest.mark.django_db
def test_a_bump_in_the_request_is_seen_by_the_rest_of_it():
    builds: list = []
    with request_scope():
        assert _cached(builds) == {"n": 1}
        GENERATION.bump()
        assert _cached(builds) == {"n": 2}


def test_another_processes_bump_counts_from_the_next_request():
    builds: list = []
    with request_scope():
        assert _cached(builds) == {"n": 1}
        cache.incr(GENERATION.key)  # another app server's change
        assert _cached(builds) == {"n": 1}  # one request, one view of the data
    with request_scope():
        assert _cached(builds) == {"n": 2}


def test_outside_a_request_every_read_asks_the_shared_cache():
    builds: list = []
    assert _cached(builds) == {"n": 1}
    cache.incr(GENERATION.key)
    assert _cached(builds) == {"n": 2}


def test_a_scope_inside_another_restores_the_outer_one():
    with request_scope():
        outer = GENERATION.current()
        with request_scope():  # a preview inside the editor's request
            cache.incr(GENERATION.key)
            assert GENERATION.current() == outer + 1
        assert GENERATION.current() == outer  # the outer request's view
