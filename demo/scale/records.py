"""Evaluations, certificates and discussion posts of the scale school."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.utils import timezone

from accounts.models import ClinicianProfile, User
from core.markdown import markdown_render
from courses.certificate_serials import ALPHABET, PREFIX
from courses.models import Certificate, CourseEvaluation
from demo.scale import content
from demo.scale.bulk import rows_insert, timestamps_as_given
from demo.scale.plan import PlannedEnrollment
from demo.scale.tree import ScaleCourse
from lessons.models.discussion import AuthorRole, Post, PostKind


def _serial(rng: random.Random) -> str:
    body = "".join(rng.choice(ALPHABET) for _ in range(12))
    return f"{PREFIX}-{body[0:4]}-{body[4:8]}-{body[8:12]}"


def certificates_create(
    *,
    plan: list[PlannedEnrollment],
    courses: list[ScaleCourse],
    scores: dict[int, int],
    rng: random.Random,
) -> tuple[int, int]:
    """An evaluation and a certificate for each finisher who evaluated."""
    finished = [e for e in plan if e.evaluated_at]
    profiles = {
        p.user_id: p
        for p in ClinicianProfile.objects.filter(
            user_id__in={e.learner.pk for e in finished}
        )
    }
    evaluations, certificates = [], []
    for e in finished:
        course = courses[e.course].page
        rating = max(1, min(5, round(rng.gauss(4.1, 0.8))))
        evaluations.append(
            CourseEvaluation(
                enrollment_id=e.pk,
                objective_ratings={
                    str(block.value): max(1, min(5, rating + rng.choice((-1, 0, 0, 1))))
                    for block in course.learning_objectives
                },
                relevance=rating,
                content_quality=max(1, min(5, rating + rng.choice((-1, 0, 1)))),
                instructor_effectiveness=rating,
                hours_spent=Decimal(
                    str(round(float(course.ce_hours) * rng.uniform(0.8, 1.4), 1))
                ),
                comments=rng.choice(content.EVALUATION_COMMENTS),
                created_at=e.evaluated_at,
            )
        )
        profile = profiles[e.learner.pk]
        certificates.append(
            Certificate(
                enrollment_id=e.pk,
                serial=_serial(rng),
                learner_name=profile.name_on_certificate,
                license_type=profile.license_type,
                license_number=profile.license_number,
                license_state=profile.license_state,
                course_title=course.title,
                completed_on=timezone.localdate(e.evaluated_at),
                ce_credit="awarded" if course.ce_hours else "none",
                ce_hours=course.ce_hours or 0,
                credits=[[label, str(hours)] for label, hours in course.credit_lines()],
                ce_format=course.get_ce_format_display() if course.ce_hours else "",
                provider_name=settings.CE_PROVIDER_NAME,
                post_test_score=scores.get(e.pk),
                issued_at=e.evaluated_at,
            )
        )
    with timestamps_as_given(CourseEvaluation, Certificate):
        rows_insert(CourseEvaluation, evaluations)
        rows_insert(Certificate, certificates)
    return len(evaluations), len(certificates)


@cache
def _html(source: str) -> str:
    return markdown_render(source)


def posts_create(
    *,
    plan: list[PlannedEnrollment],
    courses: list[ScaleCourse],
    instructor: User | None,
    count: int,
    rng: random.Random,
) -> int:
    """Questions (most answered by the instructor) and comments under items."""
    active = [e for e in plan if e.reach and not e.revoked_at]
    if not active:
        return 0
    threads, replies = [], []
    for n in range(count):
        e = rng.choice(active)
        course = courses[e.course]
        page = course.items[rng.randrange(e.reach)]
        question = n % 3 != 2
        texts = content.QUESTIONS_TEXT if question else content.COMMENTS_TEXT
        source = rng.choice(texts)
        created = e.created_at + (e.last_active - e.created_at) * rng.random()
        answered = None
        if question and instructor and rng.random() < 0.7:
            answered = created + timedelta(hours=rng.uniform(1, 72))
        post = Post(
            page_id=page.pk,
            course_id=course.page.pk,
            author_id=e.learner.pk,
            author_role=AuthorRole.LEARNER,
            kind=PostKind.QUESTION if question else PostKind.COMMENT,
            source=source,
            html=_html(source),
            created_at=created,
            answered_at=answered,
        )
        threads.append(post)
        if answered:
            replies.append((post, answered))
    with timestamps_as_given(Post):
        rows_insert(Post, threads)
        rows_insert(
            Post,
            (
                Post(
                    page_id=post.page_id,
                    course_id=post.course_id,
                    parent_id=post.pk,
                    author=instructor,
                    author_role=AuthorRole.INSTRUCTOR,
                    kind=PostKind.REPLY,
                    source=content.ANSWER_TEXT,
                    html=_html(content.ANSWER_TEXT),
                    created_at=at,
                )
                for post, at in replies
            ),
        )
    return len(threads) + len(replies)
