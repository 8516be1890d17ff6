"""A small school whose every figure is worked out by hand (see ``conftest``).

"Now" is Wednesday 17 June 2026, 12:00 UTC (the site's time zone is UTC):

- last 30 days: 18 May 12:00 – 17 June 12:00; the 30 before: 18 April 12:00 –
  18 May 12:00; this week (activity): since 10 June 12:00; this month: since
  1 June; the 12 weeks: Mondays 30 March … 15 June.

Mitigation 101 (live): "Getting started" [a1 required, a2 optional],
"Interviewing" [b1, b2 required; a draft lesson; an optional quiz],
a draft module with one lesson: required items a1, b1, b2 (3).
Foundations of Mitigation Practice (live): "Basics" [x1 required] (1).

| learner | course | enrolled | completions | other | state |
| ana | 101 | 10 Jun | a1 16 Jun | | in progress 1/3 |
| ben | 101 | 1 May | a1 20 May, b1 21 May, b2 9 Jun | | owes evaluation |
| cat | 101 | 25 May | a2 (optional) 26 May | | stuck 0/3 |
| dan | 101 | 20 Apr | a1, b1, b2 25–27 Apr | evaluated, done 5 Jun, | completed |
|     |     |        |                     | cert reissued 8 Jun    |           |
| eve | 101 | 1 Jun, revoked | | | (not counted) |
| fay | 101 | 19 Apr | | | stuck 0/3 |
| ana | Foundations | 12 Jun (purchase) | x1 12 Jun | evaluated | in progress |
| gus | Foundations | 10 May | x1 11 May | completed 12 May, cert 12 May | completed |
| hal | — | | | a learner's post 14 Jun | |
| ivy | — | | | a quiz submitted 13 Jun | |
| the instructor | — | | | a post 14 Jun (staff: not counted) | |
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from courses.models import (
    Certificate,
    CertificateStatus,
    CourseEvaluation,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    ItemCompletion,
)
from lessons.models import Post, QuizAttempt
from tests.accounts.factories import ClinicianProfileFactory, UserFactory
from tests.courses.factories import ModulePageFactory
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import QuizPageFactory

NOW = datetime.datetime(2026, 6, 17, 12, 0, tzinfo=datetime.UTC)


def at(month: int, day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, 0, tzinfo=datetime.UTC)


@dataclass
class School:
    course: object
    paid: object
    pages: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    enrollments: dict = field(default_factory=dict)


def enroll(user, course, when, source=EnrollmentSource.FREE, **fields) -> Enrollment:
    enrollment = Enrollment.objects.create(
        user=user, course=course, source=source, **fields
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(created_at=when)
    return enrollment


def complete(user, page, course, when) -> None:
    row = ItemCompletion.objects.create(user=user, page=page, course=course)
    ItemCompletion.objects.filter(pk=row.pk).update(created_at=when)


def evaluate(enrollment) -> None:
    CourseEvaluation.objects.create(
        enrollment=enrollment,
        relevance=5,
        content_quality=5,
        instructor_effectiveness=5,
        hours_spent=3,
    )


def certificate(enrollment, serial, when, **fields) -> Certificate:
    cert = Certificate.objects.create(
        enrollment=enrollment,
        serial=serial,
        learner_name="Name",
        course_title=enrollment.course.title,
        completed_on=when.date(),
        provider_name="Practicum",
        **fields,
    )
    Certificate.objects.filter(pk=cert.pk).update(issued_at=when)
    return cert


def school_build(course, paid_course) -> School:
    school = School(course=course, paid=paid_course)
    p = school.pages
    m1 = ModulePageFactory(parent=course, title="Getting started", slug="start")
    m2 = ModulePageFactory(parent=course, title="Interviewing", slug="interviewing")
    m3 = ModulePageFactory(parent=course, title="Coming soon", slug="soon", live=False)
    p["a1"] = LessonPageFactory(parent=m1, slug="a1")
    p["a2"] = LessonPageFactory(parent=m1, slug="a2", is_optional=True)
    p["b1"] = LessonPageFactory(parent=m2, slug="b1")
    p["b2"] = LessonPageFactory(parent=m2, slug="b2")
    p["draft"] = LessonPageFactory(parent=m2, slug="draft", live=False)
    p["quiz"] = QuizPageFactory(parent=m2, slug="check", is_optional=True)
    p["c1"] = LessonPageFactory(parent=m3, slug="c1")
    basics = ModulePageFactory(parent=paid_course, title="Basics", slug="basics")
    p["x1"] = LessonPageFactory(parent=basics, slug="x1")

    u = school.users
    for name in ("ana", "ben", "cat", "dan", "eve", "fay", "gus", "hal", "ivy"):
        u[name] = UserFactory(email=f"{name}@example.com")
    ClinicianProfileFactory(user=u["ana"], name_on_certificate="Ana Ortiz, LCSW")
    u["ben"].first_name, u["ben"].last_name = "Ben", "Li"
    u["ben"].save()
    u["staff"] = UserFactory(email="teacher@example.com", is_staff=True)

    e = school.enrollments
    e["ana"] = enroll(u["ana"], course, at(6, 10))
    complete(u["ana"], p["a1"], course, at(6, 16))
    e["ben"] = enroll(u["ben"], course, at(5, 1))
    complete(u["ben"], p["a1"], course, at(5, 20))
    complete(u["ben"], p["b1"], course, at(5, 21))
    complete(u["ben"], p["b2"], course, at(6, 9))
    e["cat"] = enroll(u["cat"], course, at(5, 25))
    complete(u["cat"], p["a2"], course, at(5, 26))
    e["dan"] = enroll(
        u["dan"], course, at(4, 20), EnrollmentSource.MANUAL, completed_at=at(6, 5)
    )
    for day, key in ((25, "a1"), (26, "b1"), (27, "b2")):
        complete(u["dan"], p[key], course, at(4, day))
    evaluate(e["dan"])
    original = certificate(
        e["dan"], "P-0001", at(6, 5), status=CertificateStatus.REISSUED
    )
    certificate(e["dan"], "P-0002", at(6, 8), replaces=original)
    e["eve"] = enroll(
        u["eve"], course, at(6, 1), status=EnrollmentStatus.REVOKED, revoked_at=NOW
    )
    e["fay"] = enroll(u["fay"], course, at(4, 19))

    e["ana_paid"] = enroll(u["ana"], paid_course, at(6, 12), EnrollmentSource.PURCHASE)
    complete(u["ana"], p["x1"], paid_course, at(6, 12, 13))
    evaluate(e["ana_paid"])
    e["gus"] = enroll(u["gus"], paid_course, at(5, 10), completed_at=at(5, 12))
    complete(u["gus"], p["x1"], paid_course, at(5, 11))
    certificate(e["gus"], "P-0003", at(5, 12))

    post(u["hal"], p["a1"], course, at(6, 14), role="learner")
    post(u["staff"], p["a1"], course, at(6, 14), role="instructor")
    QuizAttempt.objects.create(
        user=u["ivy"],
        quiz=p["quiz"],
        course=course,
        quiz_title="Check",
        number=1,
        seed=1,
        snapshot={},
        pass_mark=80,
        question_count=1,
        submitted_at=at(6, 13),
    )
    return school


def post(author, page, course, when, *, role) -> None:
    row = Post.objects.create(
        page=page, course=course, author=author, author_role=role, kind="question"
    )
    Post.objects.filter(pk=row.pk).update(created_at=when)
