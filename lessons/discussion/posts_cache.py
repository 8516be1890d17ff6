"""A page's posts, from the cache while nothing in any discussion changed.

Every lesson view shows its discussion: one query for the posts with their
authors' profiles. Posts change far less often than they are read, so the
list is kept in the cache per page, under a generation that any post saved
or deleted, and any change of a name posts show (a profile, or a user's
names), bumps (receivers connected in ``LessonsConfig.ready``). The reader's
own flags (may edit, may report…) are never cached: ``page_threads`` sets
them on each request.
"""

from __future__ import annotations

import contextlib
import time

from django.core.cache import cache
from django.db import transaction

from lessons.models import Post

GENERATION_KEY = "lessons:posts:generation"
SECONDS = 60 * 60


def page_posts(page_id: int) -> list[Post]:
    """The posts under a page, oldest first, with ``author.profile`` loaded."""
    key = f"lessons:posts:{page_id}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns())
        generation = cache.get(GENERATION_KEY)
    cached = found.get(key)
    if cached is not None and cached[0] == generation:
        return cached[1]
    posts = list(
        Post.objects.filter(page_id=page_id)
        .select_related("author__profile")
        .order_by("created_at", "pk")
    )
    cache.set(key, (generation, posts), SECONDS)
    return posts


def posts_changed(sender, instance=None, update_fields=None, **kwargs) -> None:
    """``post_save``/``post_delete`` receiver: posts, profiles, users' names."""
    label = sender._meta.label_lower
    if (
        label == "accounts.user"
        and update_fields
        and set(update_fields)
        <= {
            "last_login",
            "password",
        }
    ):
        return  # a sign-in changes no name
    if label in ("lessons.post", "accounts.clinicianprofile", "accounts.user"):
        _bump()
        # Again at commit: until then other requests read the old posts and
        # may cache them under the new generation.
        transaction.on_commit(_bump)


def _bump() -> None:
    with contextlib.suppress(ValueError):  # no generation yet: nothing cached
        cache.incr(GENERATION_KEY)
