"""The public pages render for a visitor."""

from __future__ import annotations

from wagtail.models import Site

from core.models import HomePage


def test_home_page_is_the_site_root(home_page):
    site = Site.objects.get(is_default_site=True)

    assert site.root_page.specific == home_page
    assert HomePage.objects.count() == 1
    assert home_page.url == "/"


def test_home_page_renders(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    assert home_page.hero_heading in response.content.decode()


def test_catalog_lists_published_courses_only(client, course, course_index):
    from tests.courses.factories import CoursePageFactory

    draft = CoursePageFactory(
        parent=course_index, title="Unreleased course", live=False
    )

    response = client.get(course_index.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert course.title in content
    assert draft.title not in content


def test_course_page_renders_its_outline_without_lesson_bodies(
    client, course, preview_lesson, lesson
):
    from tests.lessons.factories import body_marker

    response = client.get(course.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert lesson.title in content
    assert body_marker(lesson.slug) not in content
    assert body_marker(preview_lesson.slug) not in content


def test_unknown_page_is_404(client, home_page):
    assert client.get("/no-such-page/").status_code == 404


def test_the_home_pages_course_cards_are_drawn_once_and_follow_a_publish(
    client, home_page, course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.accounts.factories import UserFactory

    # Signed in, so the visitors' page cache is not involved
    client.force_login(UserFactory(email="cards@example.com"))
    assert course.title in client.get(home_page.url).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        client.get(home_page.url)
    assert not [q for q in ctx.captured_queries if "courses_coursepage" in q["sql"]]

    course.title = "Mitigation 101, renamed"
    course.save_revision().publish()

    assert "Mitigation 101, renamed" in client.get(home_page.url).content.decode()
