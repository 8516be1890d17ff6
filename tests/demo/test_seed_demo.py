"""``manage.py seed_demo``: the demo academy the DESIGN contract promises (people,
the tree, idempotency)."""

from __future__ import annotations

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

import pytest
from allauth.account.models import EmailAddress

from core.models import ContentPage, HomePage
from courses.models import CoursePage, Enrollment, EnrollmentStatus
from lessons.models import LessonPage, QuizPage
from lessons.video import embed_url
from tests.demo.academy import (
    ASSISTANT,
    FREE,
    INSTRUCTOR,
    LEARNER,
    PAID,
    PASSWORD,
    children_of,
    counts,
    course,
    lessons_of,
    seed,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_academy")]


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


def test_every_stored_body_validates_against_its_blocks():
    bodies = [(LessonPage, "body"), (ContentPage, "body"), (CoursePage, "description")]
    checked = 0
    for model, name in bodies:
        stream_block = model._meta.get_field(name).stream_block
        for page in model.objects.all():
            stream_block.clean(getattr(page, name))  # raises on an invalid block
            checked += 1

    assert checked == 39 + 7 + 2  # the accessibility statement is a draft


def test_lessons_carry_the_records_log_document_and_only_confirmed_videos():
    from tests.demo.test_demo_video_lesson import CONFIRMED_DEMO_VIDEOS

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
