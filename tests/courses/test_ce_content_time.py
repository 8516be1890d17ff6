"""Hours that the content supports.

The course editor sets the sum of the lessons' estimated minutes (live and
draft) beside the CE hours claimed and warns when the claim exceeds it; the
course page states how the hours were computed when the instructor wrote it.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from courses.ce_content import course_content_time
from courses.models import CoursePage
from lessons.models import LessonPage
from tests.courses.ce_support import ce_course_build

pytestmark = pytest.mark.django_db

SUPPORTS = "Hours that the content supports"
EXCEEDS = "lessons' estimated times add up to"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def editor_text(client, course) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    return squash(response.content.decode())


@pytest.fixture
def ce(course_index):
    """3 CE hours claimed; three lessons of 10 minutes (the default) = 30 minutes."""
    return ce_course_build(parent=course_index)


def minutes_set(ce, *minutes: int) -> None:
    for lesson, value in zip([*ce.lessons, ce.optional], minutes, strict=True):
        LessonPage.objects.filter(pk=lesson.pk).update(estimated_minutes=value)


def test_the_sum_counts_every_lesson_live_or_draft(ce):
    # Given three lessons of 60, 70 and 50 minutes, one of them a draft
    ce.lessons[1].unpublish()
    minutes_set(ce, 60, 70, 50)

    # When the content time is read
    time = course_content_time(course=ce.course)

    # Then every lesson counts, and the quiz adds nothing
    assert time.minutes == 180
    assert time.lessons == 3
    assert time.ce_hours == Decimal("3.00")
    assert not time.exceeds


def test_a_claim_over_the_content_time_exceeds_it(ce):
    minutes_set(ce, 60, 60, 59)

    time = course_content_time(course=ce.course)

    assert time.exceeds
    assert "179 minutes" in time.warning()


def test_a_course_without_ce_hours_never_exceeds(course_index):
    ce = ce_course_build(parent=course_index, with_ce=False)

    time = course_content_time(course=ce.course)

    assert time.minutes == 30
    assert not time.exceeds
    assert time.warning() == ""


def test_the_editor_shows_the_minutes_beside_the_hours_and_warns(instructor_client, ce):
    # Given 3 CE hours claimed over 30 minutes of lessons
    text = editor_text(instructor_client, ce.course)

    # Then the editor shows both and warns
    assert SUPPORTS in text
    assert "Lessons' estimated time: 30 min (30 minutes in 3 lessons)" in text
    assert "CE hours claimed: 3" in text
    assert (
        "The course claims 3 CE hours (180 minutes), but its lessons' estimated "
        "times add up to 30 minutes." in text
    )


def test_the_editor_is_quiet_when_the_content_supports_the_hours(instructor_client, ce):
    minutes_set(ce, 60, 70, 50)

    text = editor_text(instructor_client, ce.course)

    assert "Lessons' estimated time: 3 h (180 minutes in 3 lessons)" in text
    assert EXCEEDS not in text


def test_the_new_course_form_has_no_content_time_yet(instructor_client, course_index):
    response = instructor_client.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["courses", "coursepage", course_index.pk],
        )
    )

    assert response.status_code == 200
    assert SUPPORTS not in squash(response.content.decode())
    assert "How the hours were computed" in squash(response.content.decode())


def test_the_course_page_states_how_the_hours_were_computed(client, ce):
    # Given the instructor explained the hours
    ce.course.ce_hours_rationale = "Reading: 2 h.\nVideo and post-test: 1 h."
    ce.course.save_revision().publish()

    # When a visitor opens the course page
    text = squash(strip_tags(client.get(ce.course.url).content.decode()))

    # Then the CE section says how the hours were computed
    assert "How the hours were computed Reading: 2 h." in text
    assert "Video and post-test: 1 h." in text


def test_the_course_page_says_nothing_when_no_rationale_was_written(client, ce):
    text = squash(client.get(ce.course.url).content.decode())

    assert "How the hours were computed" not in text


def test_the_editor_saves_the_rationale(instructor_client, course):
    # Given the editor's form, posted as the browser does, with a rationale
    data = nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "learning_objectives": streamfield([]),
            "audience": "",
            "description": streamfield([]),
            "price_amount": "0",
            "currency": "usd",
            "ce_hours": "",
            "credits": inline_formset([]),
            "ce_level": "",
            "ce_format": course.ce_format,
            "ce_hours_rationale": "One hour of reading.",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )

    # When it is published
    response = instructor_client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]), data
    )

    # Then the rationale is saved
    assert response.status_code == 302
    course = CoursePage.objects.get(pk=course.pk)
    assert course.ce_hours_rationale == "One hour of reading."
