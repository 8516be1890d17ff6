"""``manage.py seed_demo``: the demo academy the DESIGN contract promises.

Seeding takes a few seconds, so the module seeds once, on the fresh test
database, inside a transaction that is rolled back when the module is done.
Each test runs in its own savepoint within it, so a test that edits the demo
(or seeds again) leaves the next test the freshly seeded academy.
"""

from __future__ import annotations

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

import pytest
from allauth.account.models import EmailAddress

from core.models import ContentPage, HomePage
from courses.models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    Instructor,
    ItemCompletion,
    ModulePage,
)
from lessons.demo.free_course import COURSE as FREE_SPEC
from lessons.demo.paid_course import COURSE as PAID_SPEC
from lessons.models import LessonPage, QuizPage
from lessons.services import quiz_attempt_start, quiz_attempt_submit
from lessons.video import embed_url

pytestmark = pytest.mark.django_db

FREE = "/courses/mitigation-101/"
PAID = "/courses/foundations-of-mitigation-practice/"
INSTRUCTOR = "instructor@example.com"
LEARNER = "learner@example.com"
ASSISTANT = "assistant@example.com"
PASSWORD = "practicum-demo"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run seed_demo once for the module; yields the media folder and its output."""
    media = tmp_path_factory.mktemp("seed-media")
    with (
        override_settings(MEDIA_ROOT=media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield {"media": media, "output": out.getvalue()}
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _seeded(seeded, settings):
    settings.MEDIA_ROOT = seeded["media"]  # where the demo's document was written


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "documents": get_document_model().objects.count(),
        "instructors": Instructor.objects.count(),
        "sites": Site.objects.count(),
        "quizzes": QuizPage.objects.count(),
    }


def course(path: str) -> CoursePage:
    return CoursePage.objects.get(url_path=f"/home{path}")


def lessons_of(page: Page) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(page).order_by("path"))


def children_of(module: Page) -> list[Page]:
    """The module's items, specific, in tree (outline) order."""
    return list(module.get_children().order_by("path").specific())


def paid_modules() -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course(PAID)).order_by("path"))


# Idempotency ---------------------------------------------------------------


def test_the_first_run_reports_what_it_created(seeded):
    output = seeded["output"]

    ready = "Demo academy ready: 2 courses, 10 modules, 39 lessons, 10 quizzes."
    assert ready in output
    assert "3 users" in output
    assert "Replaced Wagtail's welcome page" in output
    logins = f"{INSTRUCTOR} or {LEARNER} or {ASSISTANT}"
    assert f"Log in as {logins} with password {PASSWORD}" in output


def test_a_second_run_creates_nothing():
    after_first = counts()

    output = seed()

    assert counts() == after_first
    assert "nothing (already loaded)" in output


def test_a_second_run_keeps_an_instructors_edits():
    lesson = LessonPage.objects.get(slug="what-mitigation-is")
    lesson.title = "Edited by the instructor"
    lesson.save_revision().publish()
    instructor = get_user_model().objects.get(email=INSTRUCTOR)
    instructor.set_password("changed-after-seeding")
    instructor.save()

    seed()

    lesson.refresh_from_db()
    instructor.refresh_from_db()
    assert lesson.title == "Edited by the instructor"
    assert instructor.check_password("changed-after-seeding")


def test_a_second_run_restores_a_deleted_page():
    ContentPage.objects.get(slug="about").delete()

    output = seed()

    assert ContentPage.objects.live().filter(slug="about").exists()
    assert "Created this run: 1 page." in output


def test_refuses_to_run_under_production_settings(settings):
    settings.SETTINGS_MODULE = "config.settings.production"
    ContentPage.objects.get(slug="about").delete()  # so a run would have work to do
    before = counts()

    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", stdout=StringIO())

    assert counts() == before


# People --------------------------------------------------------------------


@pytest.mark.parametrize("email", [INSTRUCTOR, LEARNER, ASSISTANT])
def test_demo_users_log_in_with_a_verified_primary_email(client, email):
    assert client.login(email=email, password=PASSWORD)
    address = EmailAddress.objects.get(email=email)
    assert address.verified
    assert address.primary


def test_instructor_is_a_superuser_and_learner_is_not():
    users = get_user_model().objects
    assert users.get(email=INSTRUCTOR).is_superuser
    assert users.get(email=INSTRUCTOR).is_staff
    assert not users.get(email=LEARNER).is_staff


def test_the_assistant_reads_the_admin_and_is_no_superuser(client):
    assistant = get_user_model().objects.get(email=ASSISTANT)
    assert [group.name for group in assistant.groups.all()] == ["Assistant"]
    assert not assistant.is_superuser
    assert assistant.has_perm("wagtailadmin.access_admin")
    assert not assistant.has_perm("payments.change_order")

    client.login(email=ASSISTANT, password=PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_a_second_run_leaves_an_existing_assistant_as_it_is():
    assistant = get_user_model().objects.get(email=ASSISTANT)
    assistant.groups.clear()
    assistant.set_password("changed-after-seeding")
    assistant.save()

    seed()

    assistant.refresh_from_db()
    assert not assistant.groups.exists()
    assert assistant.check_password("changed-after-seeding")


def test_learner_is_enrolled_in_the_free_course_and_nobody_in_the_paid_one():
    learner = get_user_model().objects.get(email=LEARNER)
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.course == course(FREE)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert not Enrollment.objects.filter(course=course(PAID)).exists()


# The tree ------------------------------------------------------------------


def test_home_page_replaces_the_welcome_page_as_the_site_root():
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk
    assert site.site_name == "Practicum"
    assert home.get_parent().depth == 1
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail")
    slugs = [page.slug for page in home.get_children().live()]
    assert slugs == [
        "courses",
        "about",
        "privacy",
        "terms",
        "refund-policy",
        "grievance-policy",
        "accommodations",
    ]


def test_policy_pages_open_with_a_review_before_launch_callout():
    for page in ContentPage.objects.all():
        first = page.body[0]
        assert first.block_type == "callout", page.slug
        assert "counsel" in first.value["text"].source


def test_grievance_and_accommodation_policies_are_published_with_a_note_to_review(
    client,
):
    for slug, form in (
        ("grievance-policy", "/requests/grievance/"),
        ("accommodations", "/requests/accommodation/"),
    ):
        page = ContentPage.objects.get(slug=slug)
        assert page.live
        note = page.body[0].value
        assert note["title"] == "For the instructor: review this policy"
        assert "Learner requests" in note["text"].source
        response = client.get(page.url)
        assert response.status_code == 200
        assert f'href="{form}"' in response.content.decode()


def test_free_course_has_one_module_of_three_lessons_the_first_a_preview():
    free = course(FREE)
    lessons = lessons_of(free)
    assert free.price_amount == 0
    assert free.get_children().count() == 1
    assert len(lessons) == 3
    assert [lesson.is_free_preview for lesson in lessons] == [True, False, False]
    items = children_of(free.get_children().get())
    assert items[:3] == lessons
    assert isinstance(items[3], QuizPage)
    assert len(items) == 4


def test_paid_course_has_nine_modules_and_ce_details():
    paid = course(PAID)
    modules = list(paid.get_children().live().specific())
    assert paid.price_amount == 24900
    assert paid.currency == "usd"
    assert str(paid.ce_hours) == "20.00"
    assert paid.instructor.name == "Dana Whitfield"
    assert len(modules) == 9
    for module in modules:
        assert 2 <= len(lessons_of(module)) <= 5, module.slug
        assert module.get_children().live().count() == len(lessons_of(module)) + 1
    assert modules[0].slug == "what-mitigation-is-and-why-it-matters"
    first_lesson = lessons_of(modules[0])[0]
    assert first_lesson.is_free_preview
    assert sum(lesson.is_free_preview for lesson in lessons_of(paid)) == 1


def test_every_lesson_has_a_summary_minutes_and_text():
    for lesson in LessonPage.objects.all():
        assert lesson.live, lesson.slug
        assert lesson.summary, lesson.slug
        assert lesson.estimated_minutes > 0, lesson.slug
        assert any(b.block_type == "paragraph" for b in lesson.body), lesson.slug


def test_lessons_carry_the_records_log_document_and_only_confirmed_videos():
    from tests.lessons.test_demo_video_lesson import CONFIRMED_DEMO_VIDEOS

    blocks = [block for lesson in LessonPage.objects.all() for block in lesson.body]

    videos = [b.value for b in blocks if b.block_type == "video"]
    documents = [b.value["document"] for b in blocks if b.block_type == "document"]

    # No invented video ids (issue 15): every video is a confirmed one.
    assert all(v["url"] in CONFIRMED_DEMO_VIDEOS for v in videos)
    assert all(embed_url(v["url"]) and v["transcript"].source for v in videos)
    log = get_document_model().objects.get(title="Records request log (template)")
    assert documents == [log]
    with log.open_file() as handle:
        rows = handle.read().decode("utf-8").splitlines()
    assert rows[0].startswith("Request ID,Record source")
    assert len(rows) == 4


# The contract URLs ----------------------------------------------------------


@pytest.mark.parametrize("path", [FREE, PAID])
def test_course_pages_answer_200(client, path):
    assert client.get(path).status_code == 200


def test_a_free_preview_lesson_answers_200_to_a_visitor(client):
    preview = LessonPage.objects.get(slug="what-mitigation-is")

    assert client.get(preview.url).status_code == 200


# Quizzes -------------------------------------------------------------------

KNOWLEDGE_CHECK_TITLES = [
    "Knowledge check: what mitigation is",
    "Knowledge check: ethics and role clarity",
    "Knowledge check: records",
    "Knowledge check: life-history interviewing",
    "Knowledge check: trauma and development",
    "Knowledge check: mental-health screening",
    "Knowledge check: building the narrative",
    "Knowledge check: mitigation at every stage",
]


def quiz_specs() -> list[dict]:
    return [
        quiz
        for spec in (FREE_SPEC, PAID_SPEC)
        for module in spec["modules"]
        for quiz in module.get("quizzes", ())
    ]


def test_every_module_ends_with_exactly_one_quiz():
    modules = ModulePage.objects.all()
    assert modules.count() == 10
    for module in modules:
        items = children_of(module)
        quizzes = [item for item in items if isinstance(item, QuizPage)]
        assert quizzes == [items[-1]], module.slug
        assert quizzes[0].live, module.slug
    assert QuizPage.objects.count() == 10


def test_free_course_knowledge_check_settings():
    quiz = QuizPage.objects.descendant_of(course(FREE)).get()
    assert quiz.slug == "knowledge-check"
    assert quiz.title == "Knowledge check: the role"
    assert len(quiz.questions) == 5
    assert {block.block_type for block in quiz.questions} == {
        "single_choice",
        "multiple_select",
        "true_false",
    }
    assert (quiz.pass_mark, quiz.attempts_allowed, quiz.reveal_answers) == (
        80,
        0,
        "after_each",
    )
    assert not quiz.is_final_assessment
    assert not quiz.is_free_preview


def test_paid_modules_one_to_eight_end_with_a_knowledge_check():
    quizzes = [children_of(module)[-1] for module in paid_modules()[:8]]

    assert [quiz.title for quiz in quizzes] == KNOWLEDGE_CHECK_TITLES
    for quiz in quizzes:
        assert quiz.slug == "knowledge-check"
        assert 4 <= len(quiz.questions) <= 6, quiz.title
        assert len({block.block_type for block in quiz.questions}) >= 2, quiz.title
        assert quiz.pass_mark == 80
        assert quiz.attempts_allowed == 0
        assert quiz.reveal_answers == "after_each"
        assert quiz.shuffle_choices
        assert quiz.draw_count == 0
        assert not quiz.is_final_assessment
    kinds = {block.block_type for quiz in quizzes for block in quiz.questions}
    assert kinds == {"single_choice", "multiple_select", "true_false"}


def test_the_capstone_ends_with_the_final_post_test():
    capstone = paid_modules()[-1]
    items = children_of(capstone)
    post_test = items[-1]

    assert capstone.slug == "capstone"
    assert not any(item.slug == "knowledge-check" for item in items)
    assert post_test.slug == "post-test"
    assert post_test.title == "Final post-test"
    assert post_test.is_final_assessment
    assert len(post_test.questions) == 27
    assert post_test.draw_count == 15
    assert post_test.pass_mark == 75
    assert post_test.attempts_allowed == 3
    assert post_test.reveal_answers == "once_passed"
    assert post_test.shuffle_questions
    assert post_test.shuffle_choices
    assert post_test.author_credentials == "Dana Whitfield, LCSW, MSW"
    assert QuizPage.objects.filter(is_final_assessment=True).get() == post_test
    intro = post_test.intro
    for rule in ("75%", "twelve of the fifteen", "pool of 27", "three"):
        assert rule in intro, rule
    assert "CE certificate" in intro


def test_every_quiz_validates_and_explains_every_answer():
    stream_block = QuizPage._meta.get_field("questions").stream_block
    for quiz in QuizPage.objects.all():
        stream_block.clean(quiz.questions)  # one right answer per single choice
        quiz.full_clean()
        assert quiz.summary and quiz.intro, quiz.url_path
        for block in quiz.questions:
            assert block.id, quiz.url_path
            assert block.value["explanation"].source.startswith("<p>"), block.id
            if block.block_type != "true_false":
                choices = block.value["choices"].bound_blocks
                assert all(choice.id for choice in choices)
                assert 3 <= len(choices) <= 5, block.value["prompt"]


def test_no_question_is_asked_twice_across_the_academy():
    prompts = [value["prompt"] for q in quiz_specs() for _kind, value in q["questions"]]

    assert len(prompts) == 5 + 45 + 27  # free check, eight paid checks, post-test
    assert len(set(prompts)) == len(prompts)


def test_a_second_run_adds_missing_quizzes_after_the_lessons():
    """A demo seeded before quizzes existed gets them, last in each module."""
    for quiz in QuizPage.objects.all():
        quiz.delete()

    output = seed()

    assert "Created this run: 10 pages." in output
    for module in ModulePage.objects.all():
        items = children_of(module)
        assert isinstance(items[-1], QuizPage), module.slug
        assert all(isinstance(item, LessonPage) for item in items[:-1])


def test_a_second_run_restores_a_deleted_lesson_in_its_place():
    module = ModulePage.objects.get(slug="records")
    order = [item.slug for item in children_of(module)]
    LessonPage.objects.child_of(module).get(slug="going-back-generations").delete()
    LessonPage.objects.child_of(module).order_by("path").first().delete()

    output = seed()

    assert "Created this run: 2 pages." in output
    assert [item.slug for item in children_of(module)] == order
    assert order[-1] == "knowledge-check"


def test_a_learner_passes_the_free_knowledge_check_through_the_services():
    learner = get_user_model().objects.get(email=LEARNER)
    quiz = QuizPage.objects.descendant_of(course(FREE)).get()

    attempt = quiz_attempt_start(user=learner, quiz=quiz, course=course(FREE))
    answers = {question["id"]: question["correct"] for question in attempt.snapshot}
    attempt = quiz_attempt_submit(attempt=attempt, answers=answers)

    assert len(attempt.snapshot) == 5
    assert attempt.passed is True
    assert attempt.score_percent == 100
    assert ItemCompletion.objects.filter(user=learner, page_id=quiz.pk).exists()


def test_the_demo_learner_opens_and_starts_the_free_knowledge_check(client):
    quiz = QuizPage.objects.descendant_of(course(FREE)).get()
    assert client.login(email=LEARNER, password=PASSWORD)

    before = client.get(quiz.url)
    started = client.post(quiz.url + "start/")
    page = client.get(quiz.url).content.decode()

    assert before.status_code == 200
    assert "at least four of five right" in before.content.decode()
    assert started.status_code == 302
    assert page.count('class="quiz__question"') == 5
    assert "is_correct" not in page


# Continuing education ------------------------------------------------------


def test_paid_course_content_supports_its_hours_and_says_how_they_were_computed(
    client,
):
    from courses.ce_content import course_content_time

    paid = course(PAID)
    time = course_content_time(course=paid)
    assert time.minutes == 20 * 60
    assert not time.exceeds
    assert course_content_time(course=course(FREE)).ce_hours is None
    assert "36 lessons" in paid.ce_hours_rationale
    assert "rounded down to the quarter hour" in paid.ce_hours_rationale
    page = client.get(paid.url).content.decode()
    assert "How the hours were computed" in page


def test_paid_course_has_its_credit_lines_level_format_and_fictional_approval():
    from datetime import timedelta

    from django.utils import timezone

    from courses.completion import profile_fields_required

    paid = course(PAID)
    assert paid.credit_lines() == [("General", 18), ("Ethics", 2)]
    # The ethics hours are backed by module 2's four lessons on ethics.
    ethics_lessons = lessons_of(paid_modules()[1])[:4]
    assert dict(paid.credit_lines())["Ethics"] * 60 == sum(
        lesson.estimated_minutes for lesson in ethics_lessons
    )
    assert sum(hours for _label, hours in paid.credit_lines()) == paid.ce_hours
    assert paid.ce_level == "intermediate"
    assert paid.ce_format == "self_paced_online"
    approvals = list(paid.approvals.all())
    assert len(approvals) == 1
    approval = approvals[0]
    assert approval.body_name == (
        "Demo Board of Behavioral Health Continuing Education (fictional)"
    )
    assert approval.provider_number == "DEMO-1234"
    assert "Demonstration only: not a real approval." in approval.statement
    assert "20 CE hours" in approval.statement
    assert approval.requires_license_number
    assert approval.kind == "state_board"
    assert approval.formats == ["self_paced_online"]
    today = timezone.localdate()
    assert approval.covers(ce_format=paid.ce_format, on=today)
    assert approval.is_current(today)
    assert approval.period_start <= today - timedelta(days=300)
    assert approval.period_end >= today + timedelta(days=300)
    assert "license_number" in profile_fields_required(paid)
    # The published revision carries them too: publishing it again keeps them.
    paid.get_latest_revision().publish()
    paid = course(PAID)
    assert paid.approvals.count() == 1
    assert len(paid.credit_lines()) == 2


def test_the_learner_holds_one_valid_certificate_for_the_free_course():
    from courses.models import Certificate, CertificateStatus, CourseEvaluation

    learner = get_user_model().objects.get(email=LEARNER)
    for _run in range(2):
        seed()

    certificates = list(Certificate.objects.filter(enrollment__user=learner))
    assert len(certificates) == 1
    certificate = certificates[0]
    assert certificate.status == CertificateStatus.VALID
    assert certificate.course_title == FREE_SPEC["title"]
    assert certificate.learner_name == "Jordan Ellis, LMSW"
    # The free course carries no CE: a certificate of completion, off the
    # CE transcript.
    assert certificate.ce_credit == "none"
    assert certificate.ce_hours == 0
    enrollment = Enrollment.objects.get(user=learner, course=course(FREE))
    assert enrollment.completed_at is not None
    assert certificate.enrollment == enrollment
    assert CourseEvaluation.objects.filter(enrollment=enrollment).count() == 1
    free_items = Page.objects.descendant_of(course(FREE)).type(LessonPage, QuizPage)
    assert ItemCompletion.objects.filter(user=learner).count() == free_items.count()
    assert not Certificate.objects.exclude(enrollment__user=learner).exists()


def test_the_learner_sees_the_certificate_and_its_verification(client):
    from courses.models import Certificate

    certificate = Certificate.objects.get(enrollment__user__email=LEARNER)
    assert client.login(email=LEARNER, password=PASSWORD)

    page = client.get(f"/certificates/{certificate.serial}/")
    verify = client.get(f"/certificates/verify/{certificate.serial}/")

    assert page.status_code == 200
    assert verify.status_code == 200
    assert "Valid" in verify.content.decode()


def test_a_second_run_after_a_deleted_approval_restores_it():
    from courses.models import Approval

    Approval.objects.filter(provider_number="DEMO-1234").delete()

    output = seed()

    assert "1 approval" in output
    assert course(PAID).approvals.filter(provider_number="DEMO-1234").count() == 1


def test_the_paid_course_asks_for_time_on_task_and_the_free_one_does_not():
    paid, free = course(PAID), course(FREE)

    assert (paid.course_time_percent, paid.lesson_time_percent) == (80, 50)
    assert paid.course_time_required_seconds() == 16 * 60 * 60  # 80% of 20 h
    assert free.course_time_required_seconds() == 0
    assert free.lesson_time_required_seconds(30) == 0


def test_a_second_run_keeps_the_instructors_minimum_times():
    paid = course(PAID)
    paid.course_time_percent = 60
    paid.lesson_time_percent = None
    paid.save_revision().publish()

    seed()

    paid = course(PAID)
    assert (paid.course_time_percent, paid.lesson_time_percent) == (60, None)
