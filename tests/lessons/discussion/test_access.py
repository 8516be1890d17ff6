"""Who may read and post in a lesson's discussion (the security world's roles).

Visitors, learners of another course, revoked and refunded learners can
neither read (``can_read`` False, no threads) nor post (``PostRefused``),
even where the lesson itself is a free preview. A quiz's discussion opens
once the learner has finished an attempt. Staff who may use the admin but not
moderate read and cannot post.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group

import pytest

from lessons.discussion.selectors import discussion_access, page_threads
from lessons.discussion.services import PostRefused, post_create
from lessons.models import Post, PostKind
from tests.accounts.factories import UserFactory
from tests.courses import ce_support
from tests.security.world import world_fixture

pytestmark = pytest.mark.django_db

OUTSIDERS = ("visitor", "other", "revoked", "refunded")
STAFF = ("assistant", "instructor", "superuser")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from world_fixture(django_db_setup, django_db_blocker)


def _user(world, role):
    return world.users[role] or AnonymousUser()


@pytest.fixture
def thread(world):
    """A question by the enrolled learner under the paid course's first lesson."""
    return post_create(
        user=world.users["enrolled"],
        page=world.paid_lesson,
        source="What goes in a **records request**?",
        kind=PostKind.QUESTION,
    )


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_cannot_read(world, thread, role):
    user = _user(world, role)

    access = discussion_access(user=user, page=world.paid_lesson)

    assert not access.can_read
    assert not access.can_post
    assert page_threads(user=user, page=world.paid_lesson, access=access) == []


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_cannot_post_or_reply(world, thread, role):
    user = _user(world, role)
    before = Post.objects.count()

    with pytest.raises(PostRefused):
        post_create(user=user, page=world.paid_lesson, source="Let me in.")
    with pytest.raises(PostRefused):
        post_create(user=user, page=world.paid_lesson, source="A reply.", parent=thread)

    assert Post.objects.count() == before


def test_the_enrolled_learner_reads_and_posts(world, thread):
    user = world.users["enrolled"]
    access = discussion_access(user=user, page=world.paid_lesson)

    threads = page_threads(user=user, page=world.paid_lesson, access=access)

    assert access.can_read and access.can_post and not access.can_moderate
    # Newest first; the world already holds its own question under this lesson.
    assert [t.post.pk for t in threads] == [thread.pk, world.post.pk]


@pytest.mark.parametrize("role", STAFF)
def test_staff_with_the_moderation_permission_read_post_and_moderate(
    world, thread, role
):
    access = discussion_access(user=world.users[role], page=world.paid_lesson)

    assert access.can_read and access.can_post and access.can_moderate


def test_staff_without_the_moderation_permission_read_but_cannot_post(world, thread):
    editor = UserFactory(email="editor@example.com", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    access = discussion_access(user=editor, page=world.paid_lesson)

    threads = page_threads(user=editor, page=world.paid_lesson, access=access)

    assert access.can_read and not access.can_post and not access.can_moderate
    # Newest first; the world already holds its own question under this lesson.
    assert [t.post.pk for t in threads] == [thread.pk, world.post.pk]
    with pytest.raises(PostRefused):
        post_create(user=editor, page=world.paid_lesson, source="Staff note.")


def test_an_inactive_enrolled_account_cannot_read(world, thread):
    user = type(world.users["enrolled"]).objects.get(pk=world.users["enrolled"].pk)
    user.is_active = False  # a copy: the world's user stays active

    assert not discussion_access(user=user, page=world.paid_lesson).can_read


# A free preview: the lesson is open to all, its discussion is not -------------


@pytest.mark.parametrize("role", ("visitor", "enrolled", "revoked"))
def test_a_free_previews_discussion_is_closed_to_the_non_enrolled(world, role):
    user = _user(world, role)

    access = discussion_access(user=user, page=world.free_preview)

    assert not access.can_read
    with pytest.raises(PostRefused):
        post_create(user=user, page=world.free_preview, source="Hello from outside.")


def test_a_free_previews_discussion_is_open_to_its_courses_learners(world):
    access = discussion_access(user=world.users["other"], page=world.free_preview)

    assert access.can_read and access.can_post


# A quiz: after a finished attempt only -----------------------------------------


def test_a_quiz_discussion_opens_only_after_a_finished_attempt(world):
    quiz = world.paid.final
    learner = UserFactory(email="fresh@example.com")
    ce_support.enroll(learner, world.paid)
    ce_support.lessons_complete(learner, world.paid)

    before = discussion_access(user=learner, page=quiz)
    with pytest.raises(PostRefused):
        post_create(user=learner, page=quiz, source="Was question 3 a trick?")
    ce_support.final_take(learner, world.paid)
    after = discussion_access(user=learner, page=quiz)

    assert not before.can_read and not before.can_post
    assert "finish an attempt" in before.why_not
    assert after.can_read and after.can_post


def test_the_learner_who_finished_the_quiz_reads_its_discussion(world):
    access = discussion_access(user=world.users["enrolled"], page=world.paid.final)

    assert access.can_read and access.can_post
