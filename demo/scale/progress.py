"""Completions and quiz attempts, streamed to the database in batches.

A learner completes items in tree order; a quiz is completed by its passing
attempt (submitted at the completion's time), after the failed attempts the
plan gave it. Learners stuck on a quiz have only failed attempts there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models

from courses.models import ItemCompletion
from demo.scale.answers import attempt_simulate
from demo.scale.bulk import BATCH_SIZE, timestamps_as_given
from demo.scale.plan import PlannedEnrollment
from demo.scale.tree import ScaleCourse
from lessons.models import QuizAttempt


class _Writer:
    """Collects rows of one model and inserts them a batch at a time."""

    def __init__(self, model: type[models.Model]):
        self.model, self.rows, self.count = model, [], 0

    def add(self, row: models.Model) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.model.objects.bulk_create(self.rows, batch_size=BATCH_SIZE)
            self.count += len(self.rows)
            self.rows = []


@dataclass
class ProgressCounts:
    completions: int = 0
    attempts: int = 0
    post_test_scores: dict[int, int] = field(default_factory=dict)  # enrollment pk


def progress_create(
    *,
    plan: list[PlannedEnrollment],
    courses: list[ScaleCourse],
    now: datetime,
    rng: random.Random,
) -> ProgressCounts:
    completions = _Writer(ItemCompletion)
    attempts = _Writer(QuizAttempt)
    counts = ProgressCounts()
    with timestamps_as_given(ItemCompletion, QuizAttempt):
        for e in plan:
            course = courses[e.course]
            times = _completion_times(e, rng)
            for index, at in enumerate(times):
                completions.add(
                    ItemCompletion(
                        user_id=e.learner.pk,
                        page_id=course.items[index].pk,
                        course_id=course.page.pk,
                        created_at=at,
                    )
                )
            for index, quiz in course.quizzes.items():
                fails = e.fails.get(index, 0)
                if index < e.reach:
                    when = [
                        times[index] - timedelta(hours=rng.uniform(0.2, 30) * (k + 1))
                        for k in reversed(range(fails))
                    ] + [times[index]]
                elif index == e.reach and fails:
                    start, end = e.last_active, e.revoked_at or now
                    when = sorted(
                        start + (end - start) * rng.random() for _ in range(fails)
                    )
                else:
                    continue
                for number, submitted in enumerate(when, start=1):
                    passed = index < e.reach and number == len(when)
                    attempt = _attempt(e, course, quiz, number, submitted, passed, rng)
                    attempts.add(attempt)
                    if passed and quiz.page.is_final_assessment:
                        counts.post_test_scores[e.pk] = attempt.score_percent
        completions.flush()
        attempts.flush()
    counts.completions, counts.attempts = completions.count, attempts.count
    return counts


def _completion_times(e: PlannedEnrollment, rng: random.Random) -> list[datetime]:
    if not e.reach:
        return []
    span = e.last_active - e.created_at
    times = sorted(e.created_at + span * rng.random() for _ in range(e.reach - 1))
    return [*times, e.last_active]


def _attempt(e, course, quiz, number, submitted, passed, rng) -> QuizAttempt:
    seed = rng.getrandbits(48)
    ability = e.learner.ability + 0.25 * (number - 1)  # they learn from feedback
    snapshot, answers, grade = attempt_simulate(
        quiz=quiz, ability=ability, passed=passed, seed=seed, rng=rng
    )
    page = quiz.page
    return QuizAttempt(
        user_id=e.learner.pk,
        quiz_id=page.pk,
        course_id=course.page.pk,
        quiz_title=page.title,
        number=number,
        seed=seed,
        snapshot=snapshot,
        pass_mark=page.pass_mark,
        is_final_assessment=page.is_final_assessment,
        answers=answers,
        correct_count=grade.correct,
        question_count=len(snapshot),
        score_percent=grade.percent,
        passed=grade.passes(page.pass_mark),
        submitted_at=submitted,
        created_at=submitted - timedelta(minutes=rng.uniform(3, 25)),
    )
