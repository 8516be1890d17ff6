"""``manage.py seed_scale``: the large benchmark school, built small here.

``--learners 30 --items 12`` builds in a couple of seconds: three courses of
two modules, each closing with a quiz, and the records of thirty learners.
The module builds it once, inside a transaction rolled back at the end; each
test runs in a savepoint within it (as tests/demo/test_seed_demo.py does).
"""

from __future__ import annotations

from collections import defaultdict
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from wagtail.models import Page

import pytest

from accounts.models import ClinicianProfile, User
from core.models import HomePage
from courses.models import (
    Certificate,
    CourseEvaluation,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    ItemCompletion,
    ModulePage,
)
from demo.scale.content import EMAIL_DOMAIN, SLUG_PREFIX
from demo.scale.school import scale_school_delete
from lessons import grading
from lessons.models import LessonPage, QuizAttempt, QuizPage
from lessons.models.discussion import Post
from tests.accounts.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

LEARNERS, ITEMS = 30, 12


def _seed(*extra: str) -> str:
    out = StringIO()
    call_command(
        "seed_scale", "--learners", LEARNERS, "--items", ITEMS, *extra, stdout=out
    )
    return out.getvalue()


@pytest.fixture(scope="module")
def school(django_db_setup, django_db_blocker):
    """A catalog, an instructor and the small scale school; yields the output."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title="Practicum", slug="practicum-scale-test", hero_heading="Hi"
            )
        )
        home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
        SuperuserFactory()  # answers the discussion questions
        yield _seed()
        transaction.set_rollback(True)


def _scale_courses():
    return CoursePage.objects.filter(slug__startswith=SLUG_PREFIX).order_by("path")


def _items(course):
    pages = LessonPage.objects.live().descendant_of(course).values_list("pk", "path")
    quizzes = QuizPage.objects.live().descendant_of(course).values_list("pk", "path")
    return [pk for pk, _path in sorted([*pages, *quizzes], key=lambda p: p[1])]


def _counts() -> dict[str, int]:
    Order = apps.get_model("payments", "Order")  # noqa: N806
    courses = _scale_courses()
    return {
        "learners": User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").count(),
        "enrollments": Enrollment.objects.filter(course__in=courses).count(),
        "orders": Order.objects.filter(course__in=courses).count(),
        "completions": ItemCompletion.objects.filter(course__in=courses).count(),
        "attempts": QuizAttempt.objects.filter(course__in=courses).count(),
        "certificates": Certificate.objects.filter(
            enrollment__course__in=courses
        ).count(),
    }


def test_small_run_builds_the_school_it_reports(school):
    courses = list(_scale_courses())
    assert [c.price_amount > 0 for c in courses] == [False, True, True]
    for course in courses:
        assert ModulePage.objects.child_of(course).live().count() == 2
        assert len(_items(course)) == ITEMS
        assert QuizPage.objects.descendant_of(course).count() == 2

    counts = _counts()
    assert counts["learners"] == LEARNERS
    assert ClinicianProfile.objects.filter(user__email__endswith=EMAIL_DOMAIN).count()
    assert counts["orders"] == LEARNERS // 2
    assert counts["attempts"] == 2 * LEARNERS
    assert 0 < counts["completions"] <= counts["enrollments"] * ITEMS
    assert f"{LEARNERS} learners" in school
    assert f"{counts['completions']:,} completions" in school
    assert f"{counts['attempts']} quiz attempts" in school
    assert "Scale school built in" in school

    learners_enrolled = Enrollment.objects.filter(course__in=courses).values("user")
    assert learners_enrolled.distinct().count() == LEARNERS
    assert Post.objects.filter(course__in=courses).exists()


def test_every_paid_enrollment_has_its_order_and_refunds_revoke(school):
    Order = apps.get_model("payments", "Order")  # noqa: N806
    for order in Order.objects.filter(course__in=_scale_courses()):
        enrollment = Enrollment.objects.get(user=order.user, course=order.course)
        assert order.paid_at == enrollment.created_at
        assert order.amount_paid == order.amount - order.discount_amount > 0
        if order.status == "refunded":
            assert order.amount_refunded == order.amount_paid
            assert enrollment.status == EnrollmentStatus.REVOKED
        else:
            assert enrollment.status == EnrollmentStatus.ACTIVE


def test_attempts_grade_as_lessons_grading_grades_them(school):
    pools = {
        quiz.pk: {q["id"]: q for q in grading.pool_from_stream(quiz.questions)}
        for quiz in QuizPage.objects.descendant_of(_scale_courses()[0].get_parent())
    }
    attempts = QuizAttempt.objects.filter(course__in=_scale_courses())
    assert attempts.filter(passed=True).exists()
    assert attempts.filter(passed=False).exists()
    for attempt in attempts:
        pool = pools[attempt.quiz_id]
        for question in attempt.snapshot:
            drawn = pool[question["id"]]
            assert question["correct"] == drawn["correct"]
            assert {c["id"] for c in question["choices"]} == {
                c["id"] for c in drawn["choices"]
            }
        result = grading.grade(attempt.snapshot, attempt.answers)
        assert attempt.submitted_at is not None
        assert attempt.correct_count == result.correct
        assert attempt.score_percent == result.percent
        assert attempt.passed == result.passes(attempt.pass_mark)
        assert attempt.question_count == len(attempt.snapshot)
        completed = ItemCompletion.objects.filter(
            user_id=attempt.user_id, page_id=attempt.quiz_id
        ).first()
        if attempt.passed:  # a pass completes the quiz, at the moment it is sent
            assert completed.created_at == attempt.submitted_at


def test_completions_follow_the_course_in_order(school):
    completed = defaultdict(list)
    for c in ItemCompletion.objects.filter(course__in=_scale_courses()):
        completed[(c.user_id, c.course_id)].append((c.created_at, c.page_id))
    for course in _scale_courses():
        items = _items(course)
        quizzes = set(
            QuizPage.objects.descendant_of(course).values_list("pk", flat=True)
        )
        for (user_id, course_id), rows in completed.items():
            if course_id != course.pk:
                continue
            pages = [page for _at, page in sorted(rows)]
            assert pages == items[: len(pages)]
            for quiz in quizzes & set(pages):
                assert QuizAttempt.objects.filter(
                    user_id=user_id, quiz_id=quiz, passed=True
                ).exists()


def test_certificates_go_to_evaluated_finishers(school):
    courses = _scale_courses()
    for certificate in Certificate.objects.filter(enrollment__course__in=courses):
        enrollment = certificate.enrollment
        assert enrollment.completed_at is not None
        assert CourseEvaluation.objects.filter(enrollment=enrollment).exists()
        done = ItemCompletion.objects.filter(
            user=enrollment.user, course=enrollment.course
        )
        assert done.count() == ITEMS
    completed = Enrollment.objects.filter(
        course__in=courses, completed_at__isnull=False
    )
    assert completed.count() == _counts()["certificates"]


def test_a_second_run_refuses_and_reset_builds_the_same_school(school):
    before = _counts()
    with pytest.raises(CommandError, match="already in this database.*--reset"):
        _seed()
    assert _counts() == before

    out = _seed("--reset")
    assert "Deleted the scale school" in out
    assert _counts() == before


def test_refuses_to_run_under_production_settings(school, settings):
    settings.SETTINGS_MODULE = "config.settings.production"
    scale_school_delete()
    with pytest.raises(CommandError, match="production"):
        _seed()
    assert _counts()["learners"] == 0


def test_refuses_without_a_catalog(school):
    scale_school_delete()
    CourseIndexPage.objects.get().delete()
    with pytest.raises(CommandError, match="seed_demo first"):
        _seed()
    assert not User.objects.filter(email__endswith=EMAIL_DOMAIN).exists()
