"""The user of a session and their permission checks, at no query per page.

Django's ``ModelBackend`` loads the session's user (one query) on every
signed-in request: here the row is read through ``accounts.user_cache``,
whose per-user generation any save or delete of the user bumps, so a
deactivated account or a changed password (the session hash) counts from the
next request on. ``is_active`` is checked on the row as loaded.

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

from allauth.account.auth_backends import AuthenticationBackend

from accounts.user_cache import user_cached
from core.generation import Generation

PERMISSIONS = Generation("accounts:permissions:generation", site_wide=True)
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


class CachedUserMixin:
    """``get_user`` through the cache (``ModelBackend``'s rule, the same row)."""

    def get_user(self, user_id):
        user = user_cached(user_id, "row", lambda: _user_row(user_id))
        return user if user is not None and self.user_can_authenticate(user) else None


def _user_row(user_id):
    from django.contrib.auth import get_user_model

    model = get_user_model()
    try:
        return model._default_manager.get(pk=user_id)
    except model.DoesNotExist:
        return None


class CachedPermissionsBackend(CachedUserMixin, ModelBackend):
    """``ModelBackend`` whose users and permission sets are read through the cache."""

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


class CachedAuthenticationBackend(CachedUserMixin, AuthenticationBackend):
    """allauth's backend (log in by email, any case), its users read through the cache.

    A session keeps the path of the backend that logged it in; allauth's
    logins name this one.
    """


def permissions_changed(sender, **kwargs) -> None:
    """``m2m_changed``/``post_save``/``post_delete`` receiver for the tables above."""
    if sender._meta.label_lower in PERMISSION_TABLES:
        PERMISSIONS.bump()
