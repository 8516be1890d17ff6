"""A change bumps its cache generation again when its transaction commits.

The receivers bump a generation as soon as a row is saved, inside the
editor's transaction. Until that commits, another request (another app
server, the same Redis) still reads the old rows and can cache what it built
from them under the new generation, where it would stay until the next
change. The bump at commit makes whatever was cached meanwhile stale.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction

from wagtail.models import PageViewRestriction

import pytest

from accounts.backends import GENERATION_KEY as PERMISSIONS
from config.roles import ASSISTANT
from core.page_generation import GENERATION_KEY as PAGES
from core.page_generation import page_generation
from lessons.discussion.posts_cache import GENERATION_KEY as POSTS
from lessons.discussion.posts_cache import page_posts
from tests.lessons.discussion.factories import PostFactory

pytestmark = pytest.mark.django_db


def _during_and_after(capture, key, change) -> tuple[int, int]:
    """The generation just before the commit of ``change``, and after it."""
    with capture(execute=True), transaction.atomic():
        change()
        during = cache.get(key)
    return during, cache.get(key)


@pytest.mark.parametrize(
    "change",
    ["publish", "unpublish", "move", "restriction"],
)
def test_a_page_change_is_bumped_again_at_commit(
    django_capture_on_commit_callbacks, course, module, lesson, change
):
    page_generation()
    changes = {
        "publish": lambda: lesson.save_revision().publish(),
        "unpublish": lesson.unpublish,
        "move": lambda: lesson.move(course, pos="last-child"),
        "restriction": lambda: PageViewRestriction.objects.create(
            page=module, restriction_type=PageViewRestriction.LOGIN
        ),
    }

    during, after = _during_and_after(
        django_capture_on_commit_callbacks, PAGES, changes[change]
    )

    assert during is not None
    assert after != during


def test_a_group_change_is_bumped_again_at_commit(
    django_capture_on_commit_callbacks, learner
):
    learner.get_all_permissions()  # a permissions generation exists
    group = Group.objects.get(name=ASSISTANT)

    during, after = _during_and_after(
        django_capture_on_commit_callbacks,
        PERMISSIONS,
        lambda: learner.groups.add(group),
    )

    assert during is not None
    assert after != during


def test_a_post_is_bumped_again_at_commit(
    django_capture_on_commit_callbacks, lesson, learner
):
    page_posts(lesson.pk)  # a posts generation exists

    during, after = _during_and_after(
        django_capture_on_commit_callbacks,
        POSTS,
        lambda: PostFactory(page=lesson, author=learner),
    )

    assert during is not None
    assert after != during
