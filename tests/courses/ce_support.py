"""A small CE course, and the steps a learner takes to earn its certificate.

``ce_course_build(parent=course_index)`` makes, with Wagtail's tree API::

    CE course "Records for Clinicians" (3.00 h: 2 general + 1 ethics,
    intermediate, self-paced online, one state-board approval covering every
    format, from a year ago to a year ahead, that needs the license)
    └── Module
        ├── Lesson one            (required)
        ├── Lesson two            (required)
        ├── Further reading       (optional)
        └── Post-test             (quiz, final assessment, pass mark 80)

The steps go through the services, as the views do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.services import profile_update
from courses.models import (
    Approval,
    ApprovalKind,
    CourseCredit,
    CourseFormat,
    CourseLevel,
    CoursePage,
    CreditType,
    Enrollment,
    EnrollmentSource,
)
from courses.services import enrollment_grant, evaluation_submit
from lessons.models import LessonPage, QuizPage
from lessons.services import item_complete, quiz_attempt_start, quiz_attempt_submit
from tests.courses.factories import (
    CoursePageFactory,
    InstructorFactory,
    ModulePageFactory,
)
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import (
    QuizPageFactory,
    right_answers,
    wrong_answers,
)

COURSE_TITLE = "Records for Clinicians"
BODY_NAME = "Test Board of Behavioral Health (fictional)"
PROVIDER_NUMBER = "TB-0042"
STATEMENT = "This course is approved by the fictional Test Board for 3 CE hours."
LICENSE_NUMBER = "LIC-998877"
OBJECTIVES = ["Map a life to its record sources.", "Write a records request."]

PROFILE = {
    "name_on_certificate": "Maria L. Gómez, LCSW",
    "license_type": "LCSW",
    "license_number": LICENSE_NUMBER,
    "license_state": "TX",
}

EVALUATION = {
    "objective_ratings": dict.fromkeys(OBJECTIVES, 5),
    "relevance": 5,
    "content_quality": 4,
    "instructor_effectiveness": 5,
    "hours_spent": Decimal("3.5"),
    "comments": "Useful.",
}


@dataclass
class CeCourse:
    course: CoursePage
    lessons: list[LessonPage]
    optional: LessonPage
    final: QuizPage
    approval: Approval | None


def ce_course_build(
    *,
    parent,
    requires_license: bool = True,
    title: str = COURSE_TITLE,
    slug=None,
    with_ce: bool = True,
) -> CeCourse:
    """The course above; ``with_ce=False`` makes it carry no CE hours, credit
    lines or approval (``CeCourse.approval`` is then ``None``)."""
    today = timezone.localdate()
    approval = None
    if with_ce:
        approval = Approval.objects.create(
            body_name=BODY_NAME,
            kind=ApprovalKind.STATE_BOARD,
            provider_number=PROVIDER_NUMBER,
            period_start=today - timedelta(days=365),
            period_end=today + timedelta(days=365),
            statement=STATEMENT,
            requires_license_number=requires_license,
        )
    course = CoursePageFactory(
        parent=parent,
        title=title,
        slug=slug or "records-for-clinicians",
        instructor=InstructorFactory(name="Dana Reyes", credentials="LCSW"),
        ce_hours=Decimal("3.00") if with_ce else None,
        ce_level=CourseLevel.INTERMEDIATE if with_ce else "",
        ce_format=CourseFormat.SELF_PACED,
        learning_objectives=[("objective", text) for text in OBJECTIVES],
    )
    if with_ce:
        CourseCredit.objects.create(
            course=course, credit_type=CreditType.GENERAL, hours=Decimal("2.00")
        )
        CourseCredit.objects.create(
            course=course, credit_type=CreditType.ETHICS, hours=Decimal("1.00")
        )
        course.approvals.add(approval)
        course.save()  # a ParentalManyToManyField is written when the page is saved
    module = ModulePageFactory(parent=course, title="Records", slug="records")
    lessons = [
        LessonPageFactory(parent=module, title="Lesson one", slug="one"),
        LessonPageFactory(parent=module, title="Lesson two", slug="two"),
    ]
    optional = LessonPageFactory(
        parent=module, title="Further reading", slug="further", is_optional=True
    )
    final = QuizPageFactory(
        parent=module,
        title="Post-test",
        slug="post-test",
        pass_mark=80,
        is_final_assessment=True,
    )
    course = CoursePage.objects.get(pk=course.pk)
    return CeCourse(
        course=course,
        lessons=lessons,
        optional=optional,
        final=final,
        approval=approval,
    )


def enroll(user, ce: CeCourse) -> Enrollment:
    enrollment, _changed = enrollment_grant(
        user=user, course=ce.course, source=EnrollmentSource.FREE
    )
    return enrollment


def profile_fill(user, **overrides) -> None:
    profile_update(user=user, data={**PROFILE, **overrides})


def lessons_complete(user, ce: CeCourse) -> None:
    for lesson in ce.lessons:
        item_complete(user=user, page=lesson, course=ce.course)


def final_take(user, ce: CeCourse, *, passing: bool = True):
    attempt = quiz_attempt_start(user=user, quiz=ce.final, course=ce.course)
    answers = right_answers(attempt) if passing else wrong_answers(attempt)
    return quiz_attempt_submit(attempt=attempt, answers=answers)


def evaluate(user, ce: CeCourse):
    enrollment = Enrollment.objects.get(user=user, course=ce.course)
    return evaluation_submit(enrollment=enrollment, data=EVALUATION)


def evaluation_post(ce: CeCourse, **overrides) -> dict:
    """The evaluation form's fields, all valid, as the browser would post them."""
    data = {f"objective_{i}": "5" for i in range(len(OBJECTIVES))}
    data.update(
        relevance="5",
        content_quality="4",
        instructor_effectiveness="5",
        hours_spent="3.5",
        comments="Useful.",
        **PROFILE,
    )
    data.update(overrides)
    return data
