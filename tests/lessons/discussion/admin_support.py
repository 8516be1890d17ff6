"""Posts and people for the discussion admin tests."""

from __future__ import annotations

from django.contrib.auth.models import Group

from config.roles import ASSISTANT, INSTRUCTOR
from core.markdown import markdown_render
from courses.models import EnrollmentSource
from courses.services import enrollment_grant
from lessons.models import Post, PostKind, PostReport
from tests.accounts.factories import UserFactory


def post_make(*, page, course, author, text="A question about intake.", **fields):
    """A post written straight to the table (no rate limit, no email)."""
    fields.setdefault("kind", PostKind.QUESTION)
    return Post.objects.create(
        page_id=page.pk,
        course=course,
        author=author,
        source=text,
        html=markdown_render(text),
        **fields,
    )


def report_make(*, post, reporter, reason="It names a real client."):
    return PostReport.objects.create(post=post, reporter=reporter, reason=reason)


def learner_make(*, course, email, first_name="Maria", last_name="Gomez"):
    user = UserFactory(email=email, first_name=first_name, last_name=last_name)
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


def staff_in(group_name: str, *, email: str):
    user = UserFactory(email=email, first_name="Dana", last_name="Staff")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def instructor_make(email="teacher@example.com"):
    return staff_in(INSTRUCTOR, email=email)


def assistant_make(email="helper@example.com"):
    return staff_in(ASSISTANT, email=email)
