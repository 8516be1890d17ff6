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

from core.generation import Generation
from lessons.models import Post

POSTS = Generation("lessons:posts:generation", site_wide=True)
GENERATION_KEY = POSTS.key
SECONDS = 60 * 60


def page_posts(page_id: int) -> list[Post]:
    """The posts under a page, oldest first, with ``author.profile`` loaded."""
    return POSTS.cached(
        f"lessons:posts:{page_id}",
        lambda: list(
            Post.objects.filter(page_id=page_id)
            .select_related("author__profile")
            .order_by("created_at", "pk")
        ),
        SECONDS,
    )


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
        POSTS.bump()
