"""Publishing, unpublishing, moving or deleting a page, or changing what public
pages show, empties the visitors' cache at once; entries also expire."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.test import Client

from wagtail.models import PageViewRestriction, Site

import pytest
import time_machine
import wagtail_factories

from core.page_generation import PAGES, page_generation_bump
from courses.models import Approval, CourseCredit
from tests.core.page_cache.conftest import cache_state
from tests.courses.factories import InstructorFactory, ModulePageFactory
from tests.lessons.factories import DocumentFactory

pytestmark = pytest.mark.django_db


generation = PAGES.current  # the page cache keys on the page generation


def _cached(url: str) -> bytes:
    """Open ``url`` as two visitors; the second must be a hit."""
    Client().get(url)
    response = Client().get(url)
    assert cache_state(response) == "hit"
    return response.content


def test_a_published_title_shows_to_the_next_visitor_at_once(urls, course):
    # Given the course page in the cache
    _cached(urls["free course"])

    # When the instructor publishes a new title
    course.title = "Mitigation 101, second edition"
    course.save_revision().publish()

    # Then the next visitor sees it
    response = Client().get(urls["free course"])
    assert cache_state(response) == "miss"
    assert b"Mitigation 101, second edition" in response.content


def test_a_published_course_shows_in_the_cached_catalog(urls, course):
    _cached(urls["catalog"])

    course.title = "Renamed in the catalog"
    course.save_revision().publish()

    assert b"Renamed in the catalog" in Client().get(urls["catalog"]).content


def test_an_unpublished_preview_is_gone_at_once(urls, preview_lesson):
    _cached(urls["preview lesson"])

    preview_lesson.unpublish()

    assert Client().get(urls["preview lesson"]).status_code == 404


def test_a_moved_lesson_leaves_its_old_address(urls, course, preview_lesson):
    # Given the preview and its module's page in the cache
    _cached(urls["preview lesson"])
    _cached(urls["module"])

    # When the instructor moves the lesson to another module
    other = ModulePageFactory(parent=course, title="Later", slug="later")
    preview_lesson.move(other, pos="last-child")

    # Then its old address sends visitors on (Wagtail's automatic redirect),
    # and the old module's page is rendered afresh
    response = Client().get(urls["preview lesson"])
    assert response.status_code == 301
    assert response["Location"] == "/courses/mitigation-101/later/welcome/"
    assert cache_state(Client().get(urls["module"])) == "miss"


def test_a_deleted_course_leaves_the_catalog_and_its_address(urls, paid_course):
    assert paid_course.title.encode() in _cached(urls["catalog"])
    _cached(urls["paid course"])

    paid_course.delete()

    assert paid_course.title.encode() not in Client().get(urls["catalog"]).content
    assert Client().get(urls["paid course"]).status_code == 404


def test_a_renamed_instructor_shows_on_the_cached_course_page(urls, course):
    course.instructor = InstructorFactory(name="Dana Reyes")
    course.save_revision().publish()
    assert b"Dana Reyes" in _cached(urls["free course"])

    instructor = course.instructor
    instructor.name = "Dana Reyes-Okafor"
    instructor.save()

    assert b"Dana Reyes-Okafor" in Client().get(urls["free course"]).content


@pytest.mark.parametrize(
    "change",
    [
        "instructor",
        "approval",
        "credit",
        "image",
        "document",
        "site",
        "view restriction",
        "page saved",
        "page deleted",
    ],
)
def test_a_change_to_what_public_pages_show_purges(urls, course, lesson, change):
    # Given a generation in use
    before = generation()

    # When something public pages show is saved (or deleted)
    if change == "instructor":
        InstructorFactory()
    elif change == "approval":
        approval = Approval.objects.create(
            body_name="ASWB",
            provider_number="1",
            period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2027, 1, 1),
            statement="Approved.",
        )
        assert generation() != before
        before = generation()
        approval.delete()
    elif change == "credit":
        CourseCredit.objects.create(course=course, hours=Decimal("1.00"))
    elif change == "image":
        wagtail_factories.ImageFactory()
    elif change == "document":
        DocumentFactory()
    elif change == "site":
        site = Site.objects.get(is_default_site=True)
        site.site_name = "Practicum Academy"
        site.save()
    elif change == "view restriction":
        PageViewRestriction.objects.create(
            page=course, restriction_type=PageViewRestriction.LOGIN
        )
    elif change == "page saved":
        lesson.save()
    elif change == "page deleted":
        lesson.delete()

    # Then the generation moved on: every cached page is forgotten
    assert generation() != before


def test_a_purge_is_repeated_when_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    # A request between the signal and the commit could cache the old page
    # under the new generation; the second bump orphans it.
    start = generation()
    with django_capture_on_commit_callbacks(execute=True):
        page_generation_bump()
        assert generation() == start + 1

    assert generation() == start + 2


def test_a_lost_generation_starts_afresh_past_the_old_one(urls):
    from django.core.cache import cache

    # Given a cached page, and the generation evicted from the cache
    _cached(urls["home"])
    cache.delete(PAGES.key)

    # Then the old entry is not served
    assert cache_state(Client().get(urls["home"])) == "miss"


def test_entries_expire_after_page_cache_seconds(settings, urls):
    settings.PAGE_CACHE_SECONDS = 600
    with time_machine.travel(dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)) as t:
        _cached(urls["home"])
        t.shift(dt.timedelta(seconds=599))
        assert cache_state(Client().get(urls["home"])) == "hit"
        t.shift(dt.timedelta(seconds=2))
        assert cache_state(Client().get(urls["home"])) == "miss"


def test_a_new_day_is_a_new_entry(urls):
    # Approvals lapse and release dates come with the date.
    with time_machine.travel(dt.datetime(2026, 12, 2, 23, 59, tzinfo=dt.UTC)) as t:
        _cached(urls["home"])
        t.shift(dt.timedelta(minutes=2))
        assert cache_state(Client().get(urls["home"])) == "miss"
