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

from django.contrib.auth.backends import ModelBackend

from core.generation import Generation

PERMISSIONS = Generation("accounts:permissions:generation")
GENERATION_KEY = PERMISSIONS.key
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
            user_obj._perm_cache = PERMISSIONS.cached(
                f"accounts:permissions:{user_obj.pk}:{superuser}",
                lambda: super(CachedPermissionsBackend, self).get_all_permissions(
                    user_obj
                ),
                PERMISSIONS_SECONDS,
            )
        return user_obj._perm_cache


def permissions_changed(sender, **kwargs) -> None:
    """``m2m_changed``/``post_save``/``post_delete`` receiver for the tables above."""
    if sender._meta.label_lower in PERMISSION_TABLES:
        PERMISSIONS.bump()
