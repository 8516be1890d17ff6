"""Cached permission sets (``accounts.backends``) follow every change at once.

``CachedPermissionsBackend`` keeps each user's permissions in the cache under
a generation that any change to groups, grants or memberships bumps. A
learner made an Assistant may use the admin on their next request, and loses
it the moment they leave the group; the cache never outlives a change.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from accounts.models import User
from config.roles import ASSISTANT

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
ACCESS_ADMIN = "wagtailadmin.access_admin"


def _in_admin(client) -> bool:
    response = client.get(ADMIN)
    assert response.status_code in (200, 302)
    return response.status_code == 200


def _fresh(user) -> User:
    """The user as the next request loads it (no per-object permission cache)."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def assistants():
    return Group.objects.get(name=ASSISTANT)


def test_joining_and_leaving_the_assistants_takes_effect_at_once(
    learner_client, learner, assistants
):
    assert not _in_admin(learner_client)  # "no permissions" is cached now

    learner.groups.add(assistants)
    assert _in_admin(learner_client)

    learner.groups.remove(assistants)
    assert not _in_admin(learner_client)

    assistants.user_set.add(learner)  # from the group's side
    assert _in_admin(learner_client)

    assistants.user_set.clear()
    assert not _in_admin(learner_client)


def test_a_permission_taken_from_a_group_stops_at_once(
    learner_client, learner, assistants
):
    learner.groups.add(assistants)
    assert _in_admin(learner_client)
    access = Permission.objects.get(codename="access_admin")

    assistants.permissions.remove(access)
    assert not _in_admin(learner_client)
    assert not _fresh(learner).has_perm(ACCESS_ADMIN)

    assistants.permissions.add(access)
    assert _in_admin(learner_client)


def test_a_deleted_group_takes_its_permissions_with_it(learner_client, learner):
    group = Group.objects.create(name="Temporary helpers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    learner.groups.add(group)
    assert _in_admin(learner_client)

    group.delete()

    assert not _in_admin(learner_client)


def test_a_users_own_permission_takes_effect_at_once(learner_client, learner):
    access = Permission.objects.get(codename="access_admin")
    assert not _in_admin(learner_client)

    learner.user_permissions.add(access)
    assert _in_admin(learner_client)

    learner.user_permissions.remove(access)
    assert not _in_admin(learner_client)


def test_superuser_toggled_takes_effect_at_once(learner_client, learner):
    assert not _in_admin(learner_client)
    perm = "courses.change_enrollment"
    assert not _fresh(learner).has_perm(perm)

    learner.is_superuser = True
    learner.save()
    assert _in_admin(learner_client)
    assert _fresh(learner).has_perm(perm)
    assert perm in _fresh(learner).get_all_permissions()

    learner.is_superuser = False
    learner.save()
    assert not _in_admin(learner_client)
    assert perm not in _fresh(learner).get_all_permissions()


def test_an_inactive_user_has_no_permissions(learner, assistants):
    learner.groups.add(assistants)
    assert _fresh(learner).has_perm(ACCESS_ADMIN)  # cached for the active user

    learner.is_active = False
    learner.save()

    assert not _fresh(learner).has_perm(ACCESS_ADMIN)
    assert _fresh(learner).get_all_permissions() == set()
    learner.is_superuser = True
    learner.save()
    assert not _fresh(learner).has_perm(ACCESS_ADMIN)


def test_two_users_never_share_a_permission_set(learner, editor, assistants):
    learner.groups.add(assistants)
    assistant_perms = _fresh(learner).get_all_permissions()
    editor_perms = _fresh(editor).get_all_permissions()

    assert assistant_perms != editor_perms
    assert _fresh(learner).get_all_permissions() == assistant_perms
    assert "lessons.moderate_post" in assistant_perms
    assert "lessons.moderate_post" not in editor_perms


def test_a_signed_in_page_reads_no_permissions_or_session_the_second_time(
    enrolled_client, lesson
):
    enrolled_client.get(lesson.url)

    with CaptureQueriesContext(connection) as ctx:
        assert enrolled_client.get(lesson.url).status_code == 200

    sql = " ".join(q["sql"] for q in ctx).lower()
    for table in (
        "auth_permission",
        "auth_group",
        "accounts_user_groups",
        "accounts_user_user_permissions",
        "django_session",
    ):
        assert table not in sql, table
