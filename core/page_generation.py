"""One number that changes whenever any page, or who may see one, changes.

What is computed from the page tree and kept in the cache (course outlines,
the view restrictions that apply where) is stored with the generation it was
computed at, and an entry from another generation is never used. Bumping the
number is one ``INCR`` in the shared cache, so every app server sees it at
once. The receivers are connected in ``CoreConfig.ready``: any page saved,
deleted, published, unpublished or moved, and any view restriction saved or
deleted.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.db import transaction

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site

GENERATION_KEY = "core:pages:generation"


def page_generation() -> int:
    """The current generation; a fresh one, never used before, if it was evicted."""
    cache.add(GENERATION_KEY, time.time_ns())
    return cache.get(GENERATION_KEY)


def page_generation_bump(**kwargs) -> None:
    """Make everything computed from the page tree stale, now and at commit.

    The second bump matters: between the first and the commit, another
    request still reads the old rows and may cache what it built from them
    under the new generation. Outside a transaction both happen at once.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet: nothing cached can be current
        cache.add(GENERATION_KEY, time.time_ns())


def page_changed(sender, instance=None, **kwargs) -> None:
    """``post_save``/``post_delete`` receiver: what pages are made of and show."""
    if isinstance(
        instance, Page | PageViewRestriction | Site | AbstractDocument | AbstractImage
    ):
        page_generation_bump()
