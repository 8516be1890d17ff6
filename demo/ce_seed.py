"""The demo academy's CE records: the paid course's credit lines and its
(fictional) approval, and the demo learner's finished free course with its
certificate, each made through the services as an instructor or the learner
would."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from wagtail.models import Page

from accounts.models import User
from courses.models import (
    Approval,
    Certificate,
    CourseCredit,
    CourseEvaluation,
    CoursePage,
    Enrollment,
    ItemCompletion,
)
from courses.services import course_completion_attempt, evaluation_submit
from lessons.models import LessonPage, QuizPage
from lessons.services import (
    QuizError,
    item_complete,
    quiz_attempt_start,
    quiz_attempt_submit,
)

if TYPE_CHECKING:
    from demo.loader import SeedReport


def ce_details_ensure(
    course: CoursePage, spec: dict, user: User, report: SeedReport
) -> None:
    """The course's credit lines and its (fictional) approval, if missing.

    ``spec`` is the ``ce:`` of the course file: ``credits`` (each a ``type``
    and ``hours``) and ``approval`` (the snippet's fields and ``period_days``,
    how long before and after today the approval runs). Credit lines are
    added only to a course that has none; the approval
    snippet (with its kind, period and the formats it covers) is found by
    body and provider number, and attached only when this run had to create
    it, so an instructor who detaches or edits it keeps that edit. A change
    is published as a new revision, as the admin would.
    """
    approval_spec = {k: v for k, v in spec["approval"].items() if k != "period_days"}
    approval = Approval.objects.filter(
        body_name=approval_spec["body_name"],
        provider_number=approval_spec["provider_number"],
    ).first()
    attach = approval is None
    if approval is None:
        today = timezone.localdate()
        days = timedelta(days=spec["approval"]["period_days"])
        approval = Approval.objects.create(
            **approval_spec, period_start=today - days, period_end=today + days
        )
        report.created["approval"] += 1
    add_credits = not CourseCredit.objects.filter(course=course).exists()
    if not (attach or add_credits):
        return
    course = course.get_latest_revision_as_object()
    if add_credits:
        course.credits = [
            CourseCredit(
                credit_type=credit["type"], hours=Decimal(str(credit["hours"]))
            )
            for credit in spec["credits"]
        ]
        report.created["credit line"] += len(spec["credits"])
    if attach:
        course.approvals.add(approval)
    course.save_revision(user=user, log_action=True).publish(user=user)


def learner_certificate_ensure(
    learner: User, course: CoursePage, enrollment: Enrollment, report: SeedReport
) -> None:
    """The demo learner has finished the free course and holds its certificate.

    Only when they hold none yet: each item is completed, the knowledge checks
    passed and the evaluation submitted through the services, as the learner
    would, and the completion attempt issues the certificate.
    """
    if Certificate.objects.filter(enrollment=enrollment).exists():
        return
    for page in Page.objects.descendant_of(course).live().specific().order_by("path"):
        if isinstance(page, LessonPage):
            item_complete(user=learner, page=page, course=course)
        elif isinstance(page, QuizPage):
            if _quiz_passed(learner, page):
                continue
            try:
                attempt = quiz_attempt_start(user=learner, quiz=page, course=course)
            except QuizError:
                return  # attempts used up: leave the learner as they are
            answers = {q["id"]: list(q["correct"]) for q in attempt.snapshot}
            quiz_attempt_submit(attempt=attempt, answers=answers)
    if not CourseEvaluation.objects.filter(enrollment=enrollment).exists():
        objectives = [str(block.value) for block in course.learning_objectives]
        evaluation_submit(
            enrollment=enrollment,
            data={
                "objective_ratings": dict.fromkeys(objectives, 5),
                "relevance": 5,
                "content_quality": 5,
                "instructor_effectiveness": 4,
                "hours_spent": "1.0",
                "comments": "A clear first look at the work. (Demo evaluation.)",
            },
        )
        report.created["evaluation"] += 1
    if course_completion_attempt(user=learner, course=course) is not None:
        report.created["certificate"] += 1


def _quiz_passed(user: User, quiz: QuizPage) -> bool:
    return ItemCompletion.objects.filter(user=user, page_id=quiz.pk).exists()
