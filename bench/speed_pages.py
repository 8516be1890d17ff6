"""Which pages ``make bench`` measures, and their in-process timings.

The pages are found in the seeded database, never hard-coded beyond the
demo's documented slugs and learner: the lesson, quiz and course page of a
learner are ones the access policy (``courses.access.course_state``) lets
them open, so a refusal page is never timed by mistake.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

DEMO_LEARNER = "learner@example.com"
FREE_COURSE = "mitigation-101"
PAID_COURSE = "foundations-of-mitigation-practice"


@dataclass(frozen=True)
class BenchPage:
    kind: str  # the same kind on both schools is compared: "lesson", "quiz", …
    label: str
    url: str
    user: str | None  # the email of the signed-in learner; None for a visitor


@dataclass(frozen=True)
class InProcess:
    status: int
    median_ms: float
    queries: int


def _open_items(user, course):
    """(lesson, quiz): the last of each that ``user`` may open, not a preview."""
    from wagtail.models import Page

    from courses.access import course_state
    from lessons.models import LessonPage, QuizPage

    state = course_state(user=user, course=course)
    allowed = [item.page.pk for item in state.items if item.allowed]
    pages = Page.objects.filter(pk__in=allowed).order_by("path").specific()
    lessons = [p for p in pages if isinstance(p, LessonPage) and not p.is_free_preview]
    quizzes = [p for p in pages if isinstance(p, QuizPage) and not p.is_free_preview]
    return (lessons[-1] if lessons else None), (quizzes[-1] if quizzes else None)


def _learner_pages(email: str, course, lesson, quiz, who: str) -> list[BenchPage]:
    pages = [
        BenchPage("lesson", f"lesson, {who}", lesson.url, email),
        BenchPage("course", f"course page, {who}", course.url, email),
    ]
    if quiz:
        pages.append(BenchPage("quiz", f"quiz, {who}", quiz.url, email))
    pages.append(BenchPage("dashboard", f"dashboard, {who}", "/dashboard/", email))
    return pages


def demo_pages() -> list[BenchPage]:
    """The demo academy's pages; the first is the reference (home, signed in)."""
    from accounts.models import User
    from courses.models import CoursePage
    from lessons.models import LessonPage

    free = CoursePage.objects.live().get(slug=FREE_COURSE)
    paid = CoursePage.objects.live().get(slug=PAID_COURSE)
    learner = User.objects.get(email=DEMO_LEARNER)
    previews = LessonPage.objects.live().filter(is_free_preview=True).order_by("path")
    preview = (
        previews.descendant_of(paid).first() or previews.descendant_of(free).first()
    )
    lesson, quiz = _open_items(learner, free)
    if lesson is None:
        raise RuntimeError(f"{DEMO_LEARNER} may open no lesson of {free.url}")
    pages = [
        BenchPage("home-learner", "home, learner (the reference)", "/", DEMO_LEARNER),
        BenchPage("home-visitor", "home, visitor", "/", None),
        BenchPage("catalog", "catalog, visitor", "/courses/", None),
        BenchPage("sales", "paid course sales page, visitor", paid.url, None),
    ]
    if preview:
        pages.append(
            BenchPage("preview", "free-preview lesson, visitor", preview.url, None)
        )
    return pages + _learner_pages(DEMO_LEARNER, free, lesson, quiz, "enrolled learner")


def scale_pages() -> tuple[list[BenchPage], str]:
    """The pages of the most advanced unfinished learner of a paid scale course.

    Returns them and a line saying whose they are.
    """
    from django.db.models import Count

    from accounts.models import User
    from courses.models import CoursePage, Enrollment, EnrollmentStatus, ItemCompletion
    from demo.scale.content import SLUG_PREFIX
    from lessons.models import LessonPage, QuizPage

    courses = {
        course.pk: course
        for course in CoursePage.objects.live().filter(
            slug__startswith=SLUG_PREFIX, price_amount__gt=0
        )
    }
    sizes = {
        pk: LessonPage.objects.live().descendant_of(c).count()
        + QuizPage.objects.live().descendant_of(c).count()
        for pk, c in courses.items()
    }
    active = Enrollment.objects.filter(
        course_id__in=courses, status=EnrollmentStatus.ACTIVE
    ).values_list("user_id", "course_id")
    done = (
        ItemCompletion.objects.filter(course_id__in=courses)
        .values("user_id", "course_id")
        .annotate(n=Count("id"))
        .order_by("-n", "user_id")
    )
    active = set(active)
    fallback = None
    tried = 0
    for row in done.iterator():
        key = (row["user_id"], row["course_id"])
        if key not in active or row["n"] >= sizes[row["course_id"]]:
            continue
        user = User.objects.get(pk=row["user_id"])
        course = courses[row["course_id"]]
        lesson, quiz = _open_items(user, course)
        if lesson and quiz:
            return _scale_pages(user, course, lesson, quiz, row["n"], sizes)
        if lesson and fallback is None:
            fallback = (user, course, lesson, None, row["n"], sizes)
        tried += 1
        if tried >= 50:
            break
    if fallback is None:
        raise RuntimeError("no scale learner with completions may open a lesson")
    return _scale_pages(*fallback)


def _scale_pages(user, course, lesson, quiz, done: int, sizes):
    home = BenchPage("home-learner", "home, scale learner", "/", user.email)
    pages = [home] + _learner_pages(user.email, course, lesson, quiz, "scale learner")
    note = (
        f"the scale learner: {user.email}, {done} of {sizes[course.pk]} items "
        f"done in {course.url} (paid), the furthest open lesson and quiz"
    )
    return pages, note


def measure_in_process(
    pages: list[BenchPage], *, requests: int, warmup: int, connection
) -> dict[str, InProcess]:
    """Per page kind: the status and queries of one request, the median of N."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {None: Client(raise_request_exception=False)}
    for email in {page.user for page in pages if page.user}:
        clients[email] = Client(raise_request_exception=False)
        clients[email].force_login(get_user_model().objects.get(email=email))
    results = {}
    for page in pages:
        client = clients[page.user]
        for _ in range(warmup):
            client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        query_count = len(queries)  # before the next request resets the log
        durations = []
        for _ in range(requests):
            started = time.perf_counter()
            client.get(page.url)
            durations.append((time.perf_counter() - started) * 1000)
        results[page.kind] = InProcess(
            response.status_code, statistics.median(durations), query_count
        )
    return results
