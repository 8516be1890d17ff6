"""Permission checks that cost no query on every page.

Django's ``ModelBackend`` loads a user's permissions (two queries: their own
and their groups') once per request, and nearly every page asks (is this an
editor? may they moderate?). Permissions change only when an administrator
edits a group or a user's groups, so the set is kept in the cache, keyed by a
generation that any such change bumps (``permissions_changed``, connected in
``AccountsConfig.ready``). ``is_active`` is still read from the user row of
the request, and ``is_superuser`` is part of the key.
"""

from __future__ import annotations

import contextlib
import time

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "accounts:permissions:generation"
PERMISSIONS_SECONDS = 60 * 60

# The tables whose rows decide a user's permissions (``app_label.model``).
PERMISSION_TABLES = {
    "auth.group",
    "auth.permission",
    "auth.group_permissions",
    "accounts.user_groups",
    "accounts.user_user_permissions",
}


class CachedPermissionsBackend(ModelBackend):
    """``ModelBackend`` whose permission sets are read through the cache."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            superuser = int(user_obj.is_superuser)
            key = f"accounts:permissions:{user_obj.pk}:{superuser}"
            found = cache.get_many([GENERATION_KEY, key])  # one round trip
            generation = found.get(GENERATION_KEY)
            if generation is None:
                cache.add(GENERATION_KEY, time.time_ns())
                generation = cache.get(GENERATION_KEY)
            cached = found.get(key)
            if cached is not None and cached[0] == generation:
                permissions = cached[1]
            else:
                permissions = super().get_all_permissions(user_obj)
                cache.set(key, (generation, permissions), PERMISSIONS_SECONDS)
            user_obj._perm_cache = permissions
        return user_obj._perm_cache


def permissions_changed(sender, **kwargs) -> None:
    """``m2m_changed``/``post_save``/``post_delete`` receiver for the tables above.

    Bumped now and on commit (a request between the two may have cached the
    old permissions under the new number).
    """
    if sender._meta.label_lower not in PERMISSION_TABLES:
        return
    _increment()
    transaction.on_commit(_increment)


def _increment() -> None:
    with contextlib.suppress(ValueError):  # no generation yet: nothing is cached
        cache.incr(GENERATION_KEY)
