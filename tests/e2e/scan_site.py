"""The seeded demo academy, with every page type a scan visits in reach.

``scan_site_build(base_url)`` seeds the demo, then brings it to the states the
pages need, through the services, as learners would have:

- the demo learner (``LEARNER``) has finished the free course (seeded), has
  bought the paid course with the offline test checkout, has an open attempt
  on its second knowledge check, has started a lesson discussion, and holds
  the certificate of a small CE course (tests/courses/ce_support.py);
- the instructor has published the accessibility statement (a seeded draft);
- a newcomer (``NEWCOMER``) has passed the CE course's post-test but not
  evaluated it, and has pressed "Buy" on the paid course (a pending order);
- the instructor sees the admin.

Each of them has a session cookie ready for a browser context. Everything is
committed: the pages are served by a live server thread. One build serves a
whole module of scans (see ``scan_site`` in conftest.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest

from tests.e2e.conftest import (
    DEMO_INSTRUCTOR,
    DEMO_LEARNER,
    FREE_COURSE_SLUG,
    PAID_COURSE_SLUG,
)

# The mark of every test that uses ``scan_site``: a database, and the migrated
# data serialized; each test is wrapped in a transaction it does not use.
SCAN_DB = pytest.mark.django_db(serialized_rollback=True)

VISITOR = "visitor"
LEARNER = "learner"
NEWCOMER = "newcomer"
INSTRUCTOR = "instructor"
NEWCOMER_EMAIL = "newcomer@example.com"


@dataclass
class ScanSite:
    base_url: str
    urls: dict[str, str] = field(default_factory=dict)  # page type -> path
    cookies: dict[str, str] = field(default_factory=dict)  # who -> session key

    def url(self, page_type: str) -> str:
        return self.base_url + self.urls[page_type]

    def log_in(self, context, who: str) -> None:
        if who == VISITOR:
            return
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": self.cookies[who],
                    "url": self.base_url,
                }
            ]
        )


def _session_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _items(course):
    from wagtail.models import Page

    return list(Page.objects.descendant_of(course).live().specific().order_by("path"))


def _ce_course_with_learners(catalog, learner, newcomer):
    """A small CE course (tests/courses/ce_support.py): the learner holds its
    certificate, the newcomer has passed its post-test but not evaluated it."""
    from courses.models import Certificate
    from courses.services import course_completion_attempt
    from tests.courses import ce_support

    ce = ce_support.ce_course_build(parent=catalog)
    for user in (learner, newcomer):
        ce_support.enroll(user, ce)
        ce_support.profile_fill(user)
        ce_support.lessons_complete(user, ce)
        ce_support.final_take(user, ce)
    ce_support.evaluate(learner, ce)
    course_completion_attempt(user=learner, course=ce.course)
    certificate = Certificate.objects.filter(enrollment__course=ce.course).first()
    assert certificate is not None, "the CE course gave the learner no certificate"
    return ce.course, certificate


def _discussion_under(lesson, learner, instructor) -> None:
    from lessons.discussion.services import post_create
    from lessons.models import PostKind

    question = post_create(
        user=learner,
        page=lesson,
        source="Which records do you request **first**?\n\n- school\n- medical",
        kind=PostKind.QUESTION,
    )
    post_create(
        user=instructor,
        page=lesson,
        source="School records: they point to everything else.",
        parent=question,
    )
    post_create(user=learner, page=lesson, source="A comment with `code`.")


def scan_site_build(base_url: str) -> ScanSite:
    from accounts.models import User
    from core.models import ContentPage
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from lessons.models import LessonPage, QuizAttempt, QuizPage
    from lessons.services import quiz_attempt_start
    from payments.checkout import checkout_test_pay
    from payments.services import order_create
    from tests.accounts.factories import UserFactory

    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    free = CoursePage.objects.live().get(slug=FREE_COURSE_SLUG)
    paid = CoursePage.objects.live().get(slug=PAID_COURSE_SLUG)
    learner = User.objects.get(email=DEMO_LEARNER)
    instructor = User.objects.get(email=DEMO_INSTRUCTOR)
    newcomer = UserFactory(email=NEWCOMER_EMAIL, first_name="Nia", last_name="Cole")

    # The demo learner buys the paid course and opens its second knowledge check.
    order = checkout_test_pay(
        order=order_create(user=learner, course=paid, is_test=True)
    )
    paid_items = _items(paid)
    quizzes = [page for page in paid_items if isinstance(page, QuizPage)]
    quiz_attempt_start(user=learner, quiz=quizzes[1], course=paid)
    free_lessons = [page for page in _items(free) if isinstance(page, LessonPage)]
    discussed = free_lessons[1]
    _discussion_under(discussed, learner, instructor)

    # The instructor has reviewed and published the accessibility statement.
    statement = ContentPage.objects.get(slug="accessibility")
    statement.get_latest_revision().publish()

    # The newcomer has pressed "Buy" on the paid course.
    pending = order_create(user=newcomer, course=paid, is_test=True)
    catalog = CourseIndexPage.objects.live().first()
    ce_course, certificate = _ce_course_with_learners(catalog, learner, newcomer)

    result = QuizAttempt.objects.filter(user=learner, submitted_at__isnull=False)
    result = result.select_related("quiz").first()
    assert result is not None, "seed_demo left the demo learner no quiz attempt"
    paid_lessons = [page for page in paid_items if isinstance(page, LessonPage)]
    locked = next(page for page in paid_lessons if not page.is_free_preview)
    result_quiz = result.quiz.specific

    site = ScanSite(base_url=base_url)
    site.urls = {
        "home": "/",
        "catalog": catalog.url,
        "policy-page": ContentPage.objects.live().get(slug="accommodations").url,
        "accessibility-statement": statement.url,
        "course-visitor": free.url,
        "course-learner": free.url,
        "module": ModulePage.objects.live().child_of(paid).first().url,
        "lesson": paid_lessons[0].url,
        "lesson-locked": locked.url,
        "discussion": discussed.url,
        "discussion-compose": discussed.url,
        "quiz-start": quizzes[0].url,
        "quiz-form": quizzes[1].url,
        "quiz-attempts": result_quiz.url,
        "quiz-result": result_quiz.url
        + result_quiz.reverse_subpage("quiz_attempt", args=[result.number]),
        "dashboard": reverse("dashboard"),
        "orders": reverse("payments:orders"),
        "receipt": reverse("payments:receipt", args=[order.pk]),
        "transcript": reverse("transcript"),
        "certificate": reverse("certificate_detail", args=[certificate.serial]),
        "verification": reverse("certificate_verify", args=[certificate.serial]),
        "signup": reverse("account_signup"),
        "login": reverse("account_login"),
        "password-reset": reverse("account_reset_password"),
        "profile": reverse("profile_edit"),
        "email": reverse("account_email"),
        "devices": reverse("usersessions_list"),
        "account-deletion": reverse("account_delete"),
        "checkout-confirm": reverse("payments:checkout", args=[paid.pk]),
        "checkout-test": reverse("payments:test_checkout", args=[pending.pk]),
        "evaluation": reverse("course_evaluation", args=[ce_course.pk]),
        "search": reverse("search") + "?q=records",
        "admin-home": reverse("wagtailadmin_home"),
        "admin-enrollments": reverse("courses_report_enrollments"),
        "admin-progress": reverse("courses_report_progress"),
        "admin-ce-roster": reverse("courses_ce_roster"),
        "admin-board-roster": reverse("courses_board_roster"),
        "admin-evaluation-summary": reverse("courses_evaluation_summary"),
        "admin-quiz-attempts": reverse("lessons_report_quiz_attempts"),
        "admin-item-analysis": reverse("lessons_report_item_analysis"),
        "admin-revenue": reverse("payments_report_revenue"),
        "admin-payment-problems": reverse("payments_problems"),
        "admin-learners": reverse("learners:index"),
        "admin-learner": reverse("learners:inspect", args=[learner.pk]),
    }
    site.cookies = {
        LEARNER: _session_for(learner),
        NEWCOMER: _session_for(newcomer),
        INSTRUCTOR: _session_for(instructor),
    }
    return site
