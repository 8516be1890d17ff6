"""Posts reach nobody outside the discussion: not the page, search or sitemap.

A free preview is open to everyone; its discussion is not. Search indexes
titles and summaries only, and the sitemap lists pages, never posts.
"""

from __future__ import annotations

from django.urls import reverse

import pytest

from lessons.discussion.services import post_create
from lessons.models import PostKind
from tests.security.world import world_fixture

pytestmark = pytest.mark.django_db

FREE_TOKEN = "Quillfeather"  # words found nowhere else in the world
PAID_TOKEN = "Marrowglen"
FREE_TEXT = f"{FREE_TOKEN} asks about intake."
PAID_TEXT = f"{PAID_TOKEN} shares a practice."


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from world_fixture(django_db_setup, django_db_blocker)


@pytest.fixture
def posts(world):
    free = post_create(
        user=world.users["other"],  # enrolled in the free course
        page=world.free_preview,
        source=FREE_TEXT,
        kind=PostKind.QUESTION,
    )
    paid = post_create(
        user=world.users["enrolled"],
        page=world.paid_lesson,
        source=PAID_TEXT,
    )
    return free, paid


@pytest.mark.parametrize("role", ("visitor", "enrolled", "revoked", "refunded"))
def test_a_free_previews_readers_see_the_lesson_but_not_its_posts(world, posts, role):
    response = world.client(role).get(world.free_preview.url)

    assert response.status_code == 200
    assert FREE_TOKEN not in response.text


@pytest.mark.parametrize("role", ("visitor", "other", "revoked", "refunded"))
def test_search_sitemap_and_the_paid_lesson_never_show_a_post(world, posts, role):
    client = world.client(role)

    for url in (
        world.paid_lesson.url,
        reverse("search") + f"?q={FREE_TOKEN}",
        reverse("search") + f"?q={PAID_TOKEN}",
        reverse("sitemap"),
    ):
        text = client.get(url).content.decode()
        assert PAID_TEXT not in text, url  # (search echoes the query word only)
        if role != "other":
            assert FREE_TEXT not in text, url


def test_the_courses_learner_sees_the_free_previews_post(world, posts):
    # The control: the token is on the page for someone allowed to read it.
    response = world.client("other").get(world.free_preview.url)

    assert FREE_TEXT in response.text
