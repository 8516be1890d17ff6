"""Who enrolled where and when, how far each got, and how often they failed.

Pure Python over the seeded generator: nothing here touches the database.
The plan fixes the totals (completions and attempts) before a row is
written, so the school has the sizes asked for.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

YEAR = timedelta(days=365)
FINISHER_SHARE = 0.05
REFUNDED_SHARE = 0.04
PARTIAL_REFUND_SHARE = 0.01
ACTIVE_WEEK_SHARE = 0.12
EVALUATED_SHARE = 0.85
CHECK_MAX_FAILS = 3
FINAL_ATTEMPTS = 3


@dataclass
class Learner:
    index: int
    joined: datetime
    ability: float
    pk: int | None = None


@dataclass
class PlannedEnrollment:
    learner: Learner
    course: int  # index into the school's courses
    created_at: datetime
    paid: bool
    refund: str = ""  # "", "full" or "partial"
    revoked_at: datetime | None = None
    reach: int = 0  # items completed, in tree order
    last_active: datetime | None = None
    evaluated_at: datetime | None = None  # and so completed, certificate issued
    fails: dict[int, int] = field(default_factory=dict)  # item index: failed attempts
    pk: int | None = None

    @property
    def finished(self) -> bool:
        return self.evaluated_at is not None


def learners_plan(*, count: int, now: datetime, rng: random.Random) -> list[Learner]:
    """Learners who joined over the last year, more of them recently."""
    learners = []
    for index in range(count):
        age = YEAR * (1 - math.sqrt(rng.random()))
        learners.append(Learner(index, now - age, rng.gauss(0, 1)))
    return learners


def enrollments_plan(
    *,
    learners: list[Learner],
    paid_courses: list[int],
    free_course: int,
    orders: int,
    now: datetime,
    rng: random.Random,
) -> list[PlannedEnrollment]:
    """``orders`` purchases of the paid courses, and free enrollments around them."""
    count = len(learners)
    slots = len(paid_courses) * count
    bought: dict[int, list[int]] = {}
    for slot in sorted(rng.sample(range(slots), min(orders, slots))):
        bought.setdefault(slot % count, []).append(paid_courses[slot // count])
    plan = []
    for learner in learners:
        courses = bought.get(learner.index, [])
        free = not courses or rng.random() < 0.4
        span = now - learner.joined
        first = True
        if free:
            plan.append(PlannedEnrollment(learner, free_course, learner.joined, False))
            first = False
        for course in courses:
            created = learner.joined + (0 if first else 0.3 * rng.random()) * span
            first = False
            enrollment = PlannedEnrollment(learner, course, created, paid=True)
            draw = rng.random()
            if draw < REFUNDED_SHARE:
                enrollment.refund = "full"
                enrollment.revoked_at = min(
                    now, created + timedelta(days=rng.uniform(1, 25))
                )
            elif draw < REFUNDED_SHARE + PARTIAL_REFUND_SHARE:
                enrollment.refund = "partial"
            plan.append(enrollment)
    plan.sort(key=lambda e: e.created_at)
    return plan


def progress_plan(
    *,
    plan: list[PlannedEnrollment],
    items: int,
    quizzes: dict[int, bool],
    completions: int,
    attempts: int,
    now: datetime,
    rng: random.Random,
) -> None:
    """Set each enrollment's reach, last activity, failures and evaluation.

    ``quizzes`` maps the item indexes of quizzes to whether each is the final
    assessment. Finishers complete every item; the others' reach is drawn
    from a long-tailed distribution, then scaled so the completions add up to
    ``completions`` (as far as the school's size allows).
    """
    completions = min(completions, int(0.45 * len(plan) * items))
    # Abler learners get further: their odds grow with exp(ability).
    finishers = [
        e
        for e in plan
        if not e.revoked_at
        and rng.random() < FINISHER_SHARE * math.exp(e.learner.ability - 0.5)
    ]
    budget = completions - items * len(finishers)
    while budget < 0 and finishers:
        finishers.pop()
        budget += items
    finished = {id(e) for e in finishers}
    others = [e for e in plan if id(e) not in finished]
    desired = {
        id(e): rng.betavariate(0.6, 2.2)
        * math.exp(0.7 * e.learner.ability)
        * (0.3 if e.revoked_at else 1.0)
        for e in others
    }
    total = sum(desired.values()) * (items - 1) or 1
    for e in finishers:
        e.reach = items
    for e in others:
        e.reach = min(items - 1, int(desired[id(e)] * (items - 1) * budget / total))
    budget -= sum(e.reach for e in others)
    open_ = [e for e in others if e.reach < items - 1]
    while budget > 0 and open_:
        e = rng.choice(open_)
        e.reach += 1
        budget -= 1
        if e.reach >= items - 1:
            open_.remove(e)
    for e in plan:
        _activity_plan(e, now, rng)
        if e.reach == items and rng.random() < EVALUATED_SHARE:
            e.evaluated_at = min(
                now, e.last_active + timedelta(hours=rng.uniform(1, 48))
            )
    _failures_plan(plan, quizzes, attempts, rng)


def _activity_plan(e: PlannedEnrollment, now: datetime, rng: random.Random) -> None:
    end = e.revoked_at or now
    if e.reach == 0:
        e.last_active = e.created_at
        return
    if not e.revoked_at and rng.random() < ACTIVE_WEEK_SHARE:
        recent = now - timedelta(days=7 * rng.random())
        e.last_active = max(recent, e.created_at + timedelta(minutes=30))
    else:
        e.last_active = e.created_at + (end - e.created_at) * rng.random()
    e.last_active = min(e.last_active, now)


def _failures_plan(plan, quizzes, attempts, rng) -> None:
    passed = sum(1 for e in plan for q in quizzes if q < e.reach)
    budget = attempts - passed
    slots = []  # (enrollment, quiz item index, most failures allowed)
    for e in plan:
        for q, final in quizzes.items():
            if q < e.reach:
                slots.append(
                    (e, q, FINAL_ATTEMPTS - 1 if final else CHECK_MAX_FAILS - 1)
                )
            elif q == e.reach:  # stuck on this quiz
                most = FINAL_ATTEMPTS if final else CHECK_MAX_FAILS
                slots += [(e, q, most), (e, q, most)]  # stuck: twice the odds
    while budget > 0 and slots:
        # Weaker learners fail more: a weighted shuffle (Efraimidis-Spirakis).
        slots.sort(
            key=lambda s: rng.random() ** math.exp(2.5 * s[0].learner.ability),
            reverse=True,
        )
        kept = []
        for e, q, most in slots:
            if budget <= 0:
                break
            count = e.fails.get(q, 0)
            if count < most:
                e.fails[q] = count + 1
                budget -= 1
                if count + 1 < most:
                    kept.append((e, q, most))
        slots = kept
