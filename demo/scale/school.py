"""Build (or remove) the scale school in one transaction, step by step.

``scale_school_seed`` refuses when a scale school is already there:
``scale_school_delete`` removes it first (``seed_scale --reset``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from courses.models import (
    Certificate,
    CourseEvaluation,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    ItemCompletion,
)
from demo.scale import content, people, plan, progress, records, tree
from lessons.models import QuizAttempt
from lessons.models.discussion import Post

COMPLETIONS_PER_LEARNER = 20
ATTEMPTS_PER_LEARNER = 2
ORDERS_PER_LEARNER = 0.5
POSTS_PER_LEARNER = 0.05


class ScaleSchoolError(Exception):
    """The school cannot be built here; the message says why and what to do."""


@dataclass
class ScaleReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def scale_school_exists() -> bool:
    return (
        CoursePage.objects.filter(slug__startswith=content.SLUG_PREFIX).exists()
        or User.objects.filter(email__endswith=f"@{content.EMAIL_DOMAIN}").exists()
    )


@transaction.atomic
def scale_school_seed(
    *,
    learners: int,
    items: int,
    seed: int,
    step: Callable[[str, float], None] = lambda name, seconds: None,
) -> ScaleReport:
    """Build the scale school: three courses of ``items`` items, ``learners`` learners.

    Raises ``ScaleSchoolError`` if one exists already or there is no catalog
    to put it in. ``step(name, seconds)`` is told as each step ends.
    """
    if scale_school_exists():
        raise ScaleSchoolError(
            "A scale school is already in this database. Run seed_scale --reset "
            "to delete it and build it again."
        )
    catalog = CourseIndexPage.objects.order_by("path").first()
    if catalog is None:
        raise ScaleSchoolError(
            "There is no course catalog to add the scale school to: run "
            "seed_demo first."
        )
    if items < 2 or learners < 1:
        raise ScaleSchoolError("Use at least 1 learner and 2 items per course.")
    rng = random.Random(seed)
    now = timezone.now()
    report = ScaleReport()
    clock = [time.perf_counter()]

    def done(name: str, **counts: int) -> None:
        seconds = time.perf_counter() - clock[0]
        clock[0] += seconds
        report.seconds[name] = seconds
        report.counts.update(counts)
        step(name, seconds)

    courses = tree.courses_build(catalog=catalog, items=items, rng=rng)
    done(
        "pages",
        courses=len(courses),
        items=sum(len(c.items) for c in courses),
        quizzes=sum(len(c.quizzes) for c in courses),
    )

    people_plan = plan.learners_plan(count=learners, now=now, rng=rng)
    report.counts["learners"] = people.learners_create(learners=people_plan, rng=rng)
    done("learners")

    enrollments = plan.enrollments_plan(
        learners=people_plan,
        paid_courses=[i for i, c in enumerate(courses) if c.page.price_amount],
        free_course=next(i for i, c in enumerate(courses) if not c.page.price_amount),
        orders=int(learners * ORDERS_PER_LEARNER),
        now=now,
        rng=rng,
    )
    quizzes = {
        index: quiz.page.is_final_assessment
        for index, quiz in courses[0].quizzes.items()
    }
    plan.progress_plan(
        plan=enrollments,
        items=items,
        quizzes=quizzes,
        completions=learners * COMPLETIONS_PER_LEARNER,
        attempts=learners * ATTEMPTS_PER_LEARNER,
        now=now,
        rng=rng,
    )
    instructor = User.objects.filter(is_superuser=True).order_by("pk").first()
    count = people.enrollments_create(plan=enrollments, courses=courses)
    orders, refunds = people.orders_create(
        plan=enrollments, courses=courses, refunded_by=instructor, rng=rng
    )
    done("enrollments and orders", enrollments=count, orders=orders, refunds=refunds)

    counts = progress.progress_create(
        plan=enrollments, courses=courses, now=now, rng=rng
    )
    done(
        "completions and quiz attempts",
        completions=counts.completions,
        quiz_attempts=counts.attempts,
    )

    evaluations, certificates = records.certificates_create(
        plan=enrollments, courses=courses, scores=counts.post_test_scores, rng=rng
    )
    posts = records.posts_create(
        plan=enrollments,
        courses=courses,
        instructor=instructor,
        count=max(1, round(learners * POSTS_PER_LEARNER)),
        rng=rng,
    )
    done(
        "evaluations, certificates and posts",
        evaluations=evaluations,
        certificates=certificates,
        posts=posts,
    )
    return report


@transaction.atomic
def scale_school_delete() -> int:
    """Delete the scale school and everything recorded in it; learners deleted."""
    courses = list(CoursePage.objects.filter(slug__startswith=content.SLUG_PREFIX))
    users = User.objects.filter(email__endswith=f"@{content.EMAIL_DOMAIN}")
    ours = Q(course__in=courses) | Q(user__in=users)
    enrollments = Enrollment.objects.filter(ours)
    Order = apps.get_model("payments", "Order")  # noqa: N806
    orders = Order.objects.filter(ours)
    Post.objects.filter(Q(course__in=courses) | Q(author__in=users)).delete()
    Certificate.objects.filter(replaces__enrollment__in=enrollments).delete()
    Certificate.objects.filter(enrollment__in=enrollments).delete()
    CourseEvaluation.objects.filter(enrollment__in=enrollments).delete()
    apps.get_model("payments", "Refund").objects.filter(order__in=orders).delete()
    apps.get_model("payments", "StripeEvent").objects.filter(order__in=orders).delete()
    orders.delete()
    QuizAttempt.objects.filter(ours).delete()
    ItemCompletion.objects.filter(ours).delete()
    enrollments.delete()
    for course in courses:
        course.delete()
    deleted, _details = users.delete()
    return len(courses)
