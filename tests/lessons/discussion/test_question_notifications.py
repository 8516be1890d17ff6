"""A new question emails the instructors (and administrators) after commit.

Needs the admin helper's "unanswered questions" screen: the email links to
``reverse("discussion_unanswered:index")``.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core import mail

import pytest

from config.roles import ASSISTANT, INSTRUCTOR
from lessons.discussion.services import post_create
from lessons.models import PostKind
from tests.accounts.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    teacher = UserFactory(email="teacher@example.com", is_staff=True)
    teacher.groups.add(Group.objects.get(name=INSTRUCTOR))
    helper = UserFactory(email="assistant@example.com", is_staff=True)
    helper.groups.add(Group.objects.get(name=ASSISTANT))
    quiet = UserFactory(
        email="quiet@example.com",
        is_staff=True,
        discussion_question_notifications=False,
    )
    quiet.groups.add(Group.objects.get(name=INSTRUCTOR))
    admin = SuperuserFactory(email="admin@example.com")
    return teacher, helper, quiet, admin


def test_a_question_emails_each_instructor_who_wants_it_once_after_commit(
    lesson, enrolled_learner, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_create(
            user=enrolled_learner,
            page=lesson,
            source="Where do I find the intake form?",
            kind=PostKind.QUESTION,
        )
    assert mail.outbox == []
    for callback in callbacks:
        callback()

    assert sorted(m.to[0] for m in mail.outbox) == [
        "admin@example.com",
        "teacher@example.com",
    ]
    assert all(lesson.title in m.subject for m in mail.outbox)
    assert all("intake form" not in m.body for m in mail.outbox)


def test_an_instructors_own_question_does_not_email_them(
    lesson, staff, django_capture_on_commit_callbacks
):
    teacher, _helper, _quiet, _admin = staff

    with django_capture_on_commit_callbacks(execute=True):
        post_create(user=teacher, page=lesson, source="Q?", kind=PostKind.QUESTION)

    assert [m.to for m in mail.outbox] == [["admin@example.com"]]


def test_a_comment_emails_no_instructor(
    lesson, enrolled_learner, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_create(user=enrolled_learner, page=lesson, source="Thanks!")

    assert mail.outbox == []
