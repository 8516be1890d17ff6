"""Clients for the insight tests, and a school of any size for query counts."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.test import Client

from config.roles import ASSISTANT
from courses.models import EnrollmentSource
from tests.accounts.factories import UserFactory
from tests.courses.insight.school import (
    at,
    certificate,
    complete,
    enroll,
    evaluate,
)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assistant_build():
    user = UserFactory(email="assistant@example.com")
    user.groups.add(Group.objects.get(name=ASSISTANT))
    return user


def learners_add(school, count: int, *, prefix: str) -> None:
    """``count`` more learners in both courses, in every state in turn:
    in progress, stuck, owes an evaluation, completed with a certificate."""
    p = school.pages
    for n in range(count):
        user = UserFactory(email=f"{prefix}{n}@example.com")
        for course, items in (
            (school.course, ["a1", "b1", "b2"]),
            (school.paid, ["x1"]),
        ):
            kind = n % 4
            enrollment = enroll(
                user,
                course,
                at(5, 1 + n % 28),
                EnrollmentSource.FREE,
                completed_at=at(6, 10) if kind == 3 else None,
            )
            done = items[:1] if kind == 0 else ([] if kind == 1 else items)
            for key in done:
                complete(user, p[key], course, at(6, 1 + n % 16))
            if kind == 3:
                evaluate(enrollment)
                certificate(enrollment, f"{prefix}-{course.pk}-{n}", at(6, 10))
