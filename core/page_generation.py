"""One number that changes whenever any page, or what pages show, changes.

What is computed from the page tree and kept in the cache (course outlines,
the view restrictions that apply where, the page a path leads to, the
visitors' page cache) is stored with the generation it was computed at, and
an entry from another generation is never used. Bumping the number is one
``INCR`` in the shared cache, so every app server sees it at once.

The receivers (``connect_page_generation``, called by ``CoreConfig.ready``):
any page saved, deleted, published, unpublished or moved, and any view
restriction, site, document or image saved or deleted. Apps add what their
pages show with ``bump_when_changed`` (``courses``: instructors and CE
approvals), so core imports nothing of theirs. A bump is cheap and coarse: it
cannot miss a page that shows the changed thing in some corner.

A request reads the number once (``PageGenerationMiddleware``), and
``generation_cached`` keeps what it computes in this process's memory as well
as in the shared cache: a request whose pages have not changed makes one
round trip to Redis for all of it.
"""

from __future__ import annotations

import pickle

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.generation import Generation, request_scope, site_wide_prefetch
from core.memo import GenerationMemo

PAGES = Generation("core:pages:generation", site_wide=True)
GENERATION_KEY = PAGES.key
DAY = 24 * 60 * 60

_memo = GenerationMemo(size=4096)


class PageGenerationMiddleware:
    """Read each generation at most once per request (list it first of ours).

    Enters ``core.generation.request_scope`` (which also keeps cached values
    in this process's memory under the request's generations) and reads the
    site-wide generations (pages, permissions, posts) in one round trip.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            site_wide_prefetch()
            return self.get_response(request)


def page_generation() -> int:
    """The current generation (read once per request)."""
    return PAGES.current()


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


def generation_cached_many(keys: dict, build) -> dict:
    """``generation_cached`` for several values at once, in one round trip.

    ``keys`` maps each wanted id to its cache key; ``build(ids)`` returns a
    dict of the values of the ids found in neither memory, built together.
    The values must be immutable (they are shared, as with ``fresh_copy`` off).
    """
    generation = page_generation()
    found = {}
    for id_, key in keys.items():
        entry = _memo.get(key, generation)
        if entry is not None:
            found[id_] = entry[0]
    wanted = {keys[id_]: id_ for id_ in keys if id_ not in found}
    if wanted:
        for key, entry in cache.get_many(list(wanted)).items():
            if isinstance(entry, tuple) and entry[0] == generation:
                found[wanted[key]] = entry[1]
                _memo.set(key, generation, (entry[1],))
    missing = [id_ for id_ in keys if id_ not in found]
    if missing:
        built = build(missing)
        cache.set_many({keys[id_]: (generation, v) for id_, v in built.items()}, DAY)
        for id_, value in built.items():
            _memo.set(keys[id_], generation, (value,))
        found.update(built)
    return found


def page_generation_bump(**kwargs) -> None:
    """Make everything computed from the page tree stale (this request included)."""
    PAGES.bump()


def bump_when_changed(*models) -> None:
    """Bump the generation whenever one of ``models`` is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"core.pages:{label}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"core.pages:{label}:delete"
        )


def connect_page_generation() -> None:
    """Connect the bumps for what every app shares (called by ``CoreConfig``)."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_generation_bump, dispatch_uid="core.pages")
    # Deleting any page also deletes its Page row, which sends this.
    post_delete.connect(_changed, sender=Page, dispatch_uid="core.pages:page-delete")
    for model in get_page_models():
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"core.pages:{label}")
    bump_when_changed(
        get_image_model(), get_document_model(), Site, PageViewRestriction
    )


def _changed(sender, **kwargs) -> None:
    page_generation_bump()
