"""A user's own rows, read through the cache, under a generation of their own.

Every signed-in page loads the user (Django's session authentication), and a
learner's pages read their enrollment and completions; these rows change a
few times a day, and are read on every request. Each user has a generation
(``core.generation.Generation``) that any change to one of their rows bumps,
at once and again at commit; what is kept for them (``user_cached``) is used
only under the generation it was computed at. So a deactivated account, a
changed password or a revoked enrollment counts from the next request on,
as it did when each request read the database.

The models whose rows are kept connect ``user_rows_changed`` (for ``User``
itself, and any model with a ``user_id``): ``AccountsConfig.ready`` and the
apps that keep rows here.
"""

from __future__ import annotations

from core.generation import Generation

USER_CACHE_SECONDS = 60 * 60


def user_generation(user_id: int) -> Generation:
    return Generation(f"user:{user_id}:generation")


def user_cached(user_id: int, name: str, build, seconds: int = USER_CACHE_SECONDS):
    """``build()``'s value for ``user_id``, kept until one of their rows changes.

    One round trip to the cache when it is there.
    """
    return user_generation(user_id).cached(f"user:{user_id}:{name}", build, seconds)


def user_cache_store(
    user_id: int, name: str, value, seconds: int = USER_CACHE_SECONDS
) -> None:
    """Replace what ``user_cached`` keeps under ``name`` with ``value``, without
    bumping the generation (the user's other cached rows stay valid): for a
    write that only adds to that value (a lesson opened for the first time)."""
    user_generation(user_id).store(f"user:{user_id}:{name}", value, seconds)


def user_rows_changed(sender, instance, **kwargs) -> None:
    """``post_save``/``post_delete`` receiver: a row of ``instance``'s user changed."""
    from django.contrib.auth import get_user_model

    if isinstance(instance, get_user_model()):
        user_id = instance.pk
    else:
        user_id = getattr(instance, "user_id", None)
    if user_id is not None:
        user_generation(user_id).bump()
