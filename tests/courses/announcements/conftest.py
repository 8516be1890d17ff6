"""People and courses for the announcement tests."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.test import Client

import pytest

from config.roles import ASSISTANT, INSTRUCTOR
from courses.models import EnrollmentSource
from courses.services import enrollment_grant, enrollment_revoke
from tests.accounts.factories import UserFactory


def learner_in(*courses, email: str, **fields):
    """A learner actively enrolled in each of ``courses``."""
    user = UserFactory(email=email, **fields)
    for course in courses:
        enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


def revoked_in(course, *, email: str):
    user = UserFactory(email=email)
    enrollment, _ = enrollment_grant(
        user=user, course=course, source=EnrollmentSource.FREE
    )
    enrollment_revoke(enrollment=enrollment, reason="Refunded")
    return user


def staff_in(group_name: str, *, email: str, first_name: str, last_name: str):
    user = UserFactory(email=email, first_name=first_name, last_name=last_name)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def teacher(db):
    """A member of the Instructor group (not a superuser)."""
    return staff_in(
        INSTRUCTOR, email="ines@example.com", first_name="Ines", last_name="Teacher"
    )


@pytest.fixture
def teacher_client(teacher) -> Client:
    return client_for(teacher)


@pytest.fixture
def helper(db):
    """A member of the Assistant group: reads announcements, writes none."""
    return staff_in(
        ASSISTANT, email="sam@example.com", first_name="Sam", last_name="Helper"
    )


@pytest.fixture
def helper_client(helper) -> Client:
    return client_for(helper)


@pytest.fixture
def school(course, paid_course):
    """Two courses and the people the recipient rules are about.

    - ana: both courses (one person, two enrollments)
    - ben: the free course only
    - cy: the paid course only
    - opted_out: the free course, announcements turned off
    - inactive: the free course, account deactivated
    - revoked: the free course, enrollment revoked
    """
    people = {
        "ana": learner_in(course, paid_course, email="ana@example.com"),
        "ben": learner_in(course, email="ben@example.com"),
        "cy": learner_in(paid_course, email="cy@example.com"),
        "opted_out": learner_in(
            course, email="optout@example.com", announcement_emails=False
        ),
        "inactive": learner_in(course, email="inactive@example.com", is_active=False),
        "revoked": revoked_in(course, email="revoked@example.com"),
    }
    return people
