"""One number that changes whenever any page, or who may see one, changes.

What is computed from the page tree and kept in the cache (course outlines,
the view restrictions that apply where, the page a path leads to) is stored
with the generation it was computed at, and an entry from another generation
is never used. Bumping the number is one ``INCR`` in the shared cache, so
every app server sees it at once. The receivers are connected in
``CoreConfig.ready``: any page saved, deleted, published, unpublished or
moved, and any view restriction, site, document or image saved or deleted.

A request reads the number once (``PageGenerationMiddleware``), and
``generation_cached`` keeps what it computes in this process's memory as well
as in the shared cache: a request whose pages have not changed makes one
round trip to Redis for all of it.
"""

from __future__ import annotations

import pickle

from django.core.cache import cache

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site

from asgiref.local import Local

from core.generation import Generation
from core.memo import GenerationMemo

PAGES = Generation("core:pages:generation")
GENERATION_KEY = PAGES.key
DAY = 24 * 60 * 60

_request = Local()  # the generation one request has read, per thread
_NONE = object()
_memo = GenerationMemo(size=4096)


class PageGenerationMiddleware:
    """Read the generation at most once per request (list it first of ours)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A preview runs a request inside the editor's: restore theirs after.
        outer = getattr(_request, "generation", _NONE)
        _request.generation = None
        try:
            return self.get_response(request)
        finally:
            if outer is _NONE:
                del _request.generation
            else:
                _request.generation = outer


def page_generation() -> int:
    """The current generation (read once per request)."""
    current = getattr(_request, "generation", None)
    if current is not None:
        return current
    current = PAGES.current()
    if hasattr(_request, "generation"):  # in a request: keep it for the rest
        _request.generation = current
    return current


def generation_cached(key: str, build, *, fresh_copy: bool = False):
    """``build()``'s value for the current generation, computed once.

    From this process's memory, else from the shared cache, else built (and
    kept in both). ``fresh_copy`` for mutable values (model instances): each
    caller gets its own copy, never an object another request touched. A
    ``build`` that raises caches nothing.
    """
    generation = page_generation()
    entry = _memo.get(key, generation)
    if entry is None:
        found = cache.get(key)
        if found is not None and found[0] == generation:
            value = found[1]
        else:
            value = build()
            cache.set(key, (generation, value), DAY)
        entry = (pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if fresh_copy else value,)
        _memo.set(key, generation, entry)
    return pickle.loads(entry[0]) if fresh_copy else entry[0]  # noqa: S301 (ours)


def page_generation_bump(**kwargs) -> None:
    """Make everything computed from the page tree stale."""
    PAGES.bump()
    if getattr(_request, "generation", None) is not None:
        _request.generation = None  # this request reads the new one


def page_changed(sender, instance=None, **kwargs) -> None:
    """``post_save``/``post_delete`` receiver: what pages are made of and show."""
    if isinstance(
        instance, Page | PageViewRestriction | Site | AbstractDocument | AbstractImage
    ):
        page_generation_bump()
