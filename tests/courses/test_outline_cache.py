"""The cached course outline is never stale: every edit shows on the next request.

``courses.outline`` keeps a course's outline in the shared cache and in the
process's memory for one page generation (``core.page_generation``). These
tests change the page tree the way an editor does (publish, unpublish, add,
move, delete, a new release date) and read the course page and a lesson's
sidebar right after, with no cache cleared by hand.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from core.page_generation import page_generation
from courses.access import course_state
from courses.outline import course_of_item
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.lessons.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(module, preview_lesson, lesson):
    """Three more items after the fixture's two, with titles found nowhere else."""
    return [
        LessonPageFactory(
            parent=module, title=title, slug=slug, summary=f"About {slug}."
        )
        for title, slug in (
            ("Alpha interviewing", "alpha"),
            ("Beta records", "beta"),
            ("Gamma testimony", "gamma"),
        )
    ]


@pytest.fixture
def second_module(course):
    return ModulePageFactory(parent=course, title="Zeta module", slug="zeta")


def _both(client, course, lesson) -> tuple[str, str]:
    """The course page and the lesson page (its sidebar outline), as HTML."""
    course_html = client.get(course.url)
    lesson_html = client.get(lesson.url)
    assert course_html.status_code == lesson_html.status_code == 200
    return course_html.content.decode(), lesson_html.content.decode()


def test_a_second_course_state_reads_nothing(
    enrolled_client, enrolled_learner, course, lesson, items
):
    # Given a first lesson view has built the outline and read the learner's
    # enrollment and completions
    enrolled_client.get(lesson.url)

    # When the learner's state is computed again
    with CaptureQueriesContext(connection) as ctx:
        state = course_state(user=enrolled_learner, course=course)

    # Then nothing was read from the database (tests/courses/test_progress_cache.py
    # shows that any change to those rows is read at once)
    assert [q["sql"] for q in ctx] == []
    assert [i.page.title for i in state.items][-3:] == [
        "Alpha interviewing",
        "Beta records",
        "Gamma testimony",
    ]


def test_a_published_title_shows_at_once(enrolled_client, course, lesson, items):
    _both(enrolled_client, course, lesson)  # warm every cache

    items[0].title = "Alpha, renamed"
    items[0].save_revision().publish()

    for html in _both(enrolled_client, course, lesson):
        assert "Alpha, renamed" in html
        assert "Alpha interviewing" not in html


def test_a_draft_title_does_not_show(enrolled_client, course, lesson, items):
    _both(enrolled_client, course, lesson)

    items[0].title = "Alpha, draft only"
    items[0].save_revision()  # saved, not published

    for html in _both(enrolled_client, course, lesson):
        assert "Alpha interviewing" in html
        assert "Alpha, draft only" not in html


def test_an_unpublished_item_leaves_the_outline_at_once(
    enrolled_client, course, lesson, items
):
    _both(enrolled_client, course, lesson)

    items[1].unpublish()

    for html in _both(enrolled_client, course, lesson):
        assert "Beta records" not in html
        assert "Alpha interviewing" in html
    assert enrolled_client.get(items[1].url).status_code == 404


def test_a_new_lesson_shows_once_published(enrolled_client, course, module, lesson):
    draft = LessonPageFactory(parent=module, title="Delta, brand new", live=False)
    for html in _both(enrolled_client, course, lesson):
        assert "Delta, brand new" not in html

    draft.save_revision().publish()

    for html in _both(enrolled_client, course, lesson):
        assert "Delta, brand new" in html
    assert enrolled_client.get(draft.url).status_code == 200


def test_an_item_moved_to_another_module_shows_under_it(
    enrolled_client, course, lesson, items, second_module
):
    LessonPageFactory(parent=second_module, title="Eta, already here", slug="eta")
    _both(enrolled_client, course, lesson)

    items[0].move(second_module, pos="last-child")

    moved = items[0].__class__.objects.get(pk=items[0].pk)
    # The course page, and the moved item's own page (its sidebar lists the
    # items of the module it is in now)
    for page in _both(enrolled_client, course, moved):
        html = page.split('<ol class="outline">', 1)[1]
        # listed after the second module's own lesson, at its new address
        assert html.index("Zeta module") < html.index("Eta, already here")
        assert html.index("Eta, already here") < html.index("Alpha interviewing")
        assert f'href="{moved.url}"' in html
        assert f'href="{items[0].url}"' not in html
    assert moved.url.startswith(second_module.url)
    # Beside the first module's lesson, the second module counts it
    sidebar = _both(enrolled_client, course, lesson)[1]
    assert "0 of 2 items completed" in sidebar


def test_a_deleted_item_leaves_the_outline_at_once(
    enrolled_client, course, lesson, items
):
    _both(enrolled_client, course, lesson)
    url = items[2].url

    items[2].delete()

    for html in _both(enrolled_client, course, lesson):
        assert "Gamma testimony" not in html
    assert enrolled_client.get(url).status_code == 404


def test_a_new_release_date_locks_the_item_at_once(
    enrolled_client, course, lesson, items
):
    _both(enrolled_client, course, lesson)
    opens = timezone.localdate() + timedelta(days=10)

    items[2].release_on = opens
    items[2].save_revision().publish()

    note = f"Opens {date_format(opens, 'DATE_FORMAT')}"
    for html in _both(enrolled_client, course, lesson):
        assert note in html
        assert f'href="{items[2].url}"' not in html
    assert enrolled_client.get(items[2].url).status_code == 403

    items[2].release_on = None
    items[2].save_revision().publish()

    for html in _both(enrolled_client, course, lesson):
        assert note not in html
        assert f'href="{items[2].url}"' in html


def test_a_module_release_date_locks_its_items_at_once(
    enrolled_client, course, module, lesson, items
):
    _both(enrolled_client, course, lesson)

    module.release_after_days = 7
    module.save_revision().publish()

    assert enrolled_client.get(items[0].url).status_code == 403
    html = enrolled_client.get(course.url).content.decode()
    assert f'href="{items[0].url}"' not in html


def test_course_of_item_follows_a_module_moved_to_another_course(
    enrolled_client, course, course_index, module, lesson
):
    other = CoursePageFactory(parent=course_index, title="Other course", slug="other")
    assert course_of_item(lesson) == course  # cached now
    assert enrolled_client.get(lesson.url).status_code == 200

    module.move(other, pos="last-child")

    moved = lesson.__class__.objects.get(pk=lesson.pk)  # its new path
    assert course_of_item(moved) == other
    # The learner is enrolled in the first course only: refused in the other.
    assert enrolled_client.get(moved.url).status_code == 403
    assert "The life history" not in enrolled_client.get(course.url).content.decode()


def test_course_of_item_is_none_once_the_course_is_gone(course, module, lesson):
    assert course_of_item(lesson) == course

    module.move(course.get_parent(), pos="last-child")

    assert course_of_item(lesson.__class__.objects.get(pk=lesson.pk)) is None


def test_every_tree_change_moves_the_generation(course, module, lesson):
    seen = [page_generation()]

    def changed():
        seen.append(page_generation())
        assert seen[-1] != seen[-2]

    lesson.save_revision()
    changed()
    lesson.save_revision().publish()
    changed()
    lesson.unpublish()
    changed()
    lesson.move(course, pos="last-child")
    changed()
    lesson.delete()
    changed()


def test_an_unpublished_course_closes_its_lessons_at_once(
    enrolled_client, course, lesson
):
    _both(enrolled_client, course, lesson)

    course.unpublish()

    assert enrolled_client.get(lesson.url).status_code == 404
    assert enrolled_client.get(course.url).status_code == 404
