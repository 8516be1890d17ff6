"""Discussion posts, and the people who write and moderate them."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.test import Client

import factory
from factory.django import DjangoModelFactory

from config.roles import ASSISTANT, INSTRUCTOR
from core.markdown import markdown_render
from courses.models import CoursePage, EnrollmentSource
from courses.services import enrollment_grant
from lessons.models import AuthorRole, Post, PostKind
from tests.accounts.factories import UserFactory
from tests.cache_bumps import without_cache_bumps


class PostFactory(DjangoModelFactory):
    """A question under ``page=`` (required); its course is found above it."""

    course = factory.LazyAttribute(
        lambda o: CoursePage.objects.ancestor_of(o.page).get()
    )
    author = factory.SubFactory(UserFactory)
    kind = PostKind.QUESTION
    author_role = AuthorRole.LEARNER
    source = factory.Sequence(lambda n: f"How do you start life history number {n}?")
    html = factory.LazyAttribute(lambda o: markdown_render(o.source))

    class Meta:
        model = Post


def reply_to(parent: Post, **kwargs) -> Post:
    return PostFactory(page=parent.page, parent=parent, kind=PostKind.REPLY, **kwargs)


def enrolled_in(course, **kwargs):
    user = UserFactory(**kwargs)
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


def staff_member(group: str = INSTRUCTOR, **kwargs):
    """Staff in the Instructor (or Assistant) group: they moderate."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group))
    return user


def assistant(**kwargs):
    return staff_member(ASSISTANT, **kwargs)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def notices(callbacks) -> list:
    """What a block queued for its commit, less the caches' generation bumps."""
    return without_cache_bumps(callbacks)
