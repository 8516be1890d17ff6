"""The outline joined from pre-rendered pieces is the outline the templates draw.

``courses.outline_html`` renders each item once per form and joins the pieces
on every request. For each form an item can take (open, locked for a
visitor, waiting for the previous item, completed, the current page, opening
on a date), the joined HTML must equal what ``includes/outline_item.html``
and ``includes/outline_parts.html`` render for the same state.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import timezone

import pytest

from courses.access import Reason, course_state
from courses.outline_html import (
    ITEM_TEMPLATE,
    PARTS_TEMPLATE,
    outline_html,
    outline_items_html,
)
from lessons.services import item_complete
from tests.courses.factories import ModulePageFactory
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import QuizPageFactory

pytestmark = pytest.mark.django_db


def _part(part, **context) -> str:
    return render_to_string(PARTS_TEMPLATE, {"part": part, **context})


def _items_reference(items, current_pk, show_summaries) -> str:
    if not items:
        return _part("items_empty")
    html = _part("items_open")
    for item in items:
        html += render_to_string(
            ITEM_TEMPLATE,
            {
                "item": item,
                "is_current": item.page.pk == current_pk,
                "show_summaries": show_summaries,
            },
        )
    return html + _part("items_close")


def _reference(
    state, current_pk=None, show_summaries=False, heading_level=3, collapse_others=False
):
    """The outline drawn the slow way: every part through the template engine."""
    current = state.item(current_pk) if collapse_others else None
    html = _part("outline_open")
    for number, module in enumerate(state.modules, start=1):
        html += _part(
            "module_open",
            module=module.page,
            number=number,
            is_current=module.page.pk == current_pk,
            show_summaries=show_summaries,
            heading_level=heading_level,
        )
        if current is None or current.module.pk == module.page.pk:
            html += _items_reference(module.items, current_pk, show_summaries)
        else:
            done = [i.completed for i in module.items] if state.is_enrolled else None
            html += _part(
                "module_summary",
                done=None if done is None else sum(done),
                total=len(module.items),
            )
        html += _part("module_close")
    if not state.modules:
        html += _part("outline_empty")
    return html + _part("outline_close")


@pytest.fixture
def pages(course, module, preview_lesson, lesson):
    """A free preview, a lesson, an optional one, a quiz, a dripped module."""
    optional = LessonPageFactory(parent=module, title="Extra reading", is_optional=True)
    quiz = QuizPageFactory(parent=module, title="Check yourself")
    later = ModulePageFactory(parent=course, title="Later", release_after_days=10)
    dripped = LessonPageFactory(parent=later, title="In ten days")
    dated = LessonPageFactory(
        parent=later, release_on=timezone.localdate() + timedelta(days=3)
    )
    empty = ModulePageFactory(parent=course, title="Being written")
    return {
        "preview": preview_lesson,
        "lesson": lesson,
        "optional": optional,
        "quiz": quiz,
        "dripped": dripped,
        "dated": dated,
        "empty": empty,
    }


def _assert_same(state, **kwargs):
    assert outline_html(state, **kwargs) == _reference(state, **kwargs)


def _reasons(state) -> set[Reason]:
    return {item.reason for item in state.items}


def test_a_visitor_sees_previews_open_and_the_rest_locked(course, pages):
    state = course_state(user=AnonymousUser(), course=course)
    assert _reasons(state) == {Reason.FREE_PREVIEW, Reason.LOGIN_REQUIRED}

    _assert_same(state)
    _assert_same(state, show_summaries=True, heading_level=2)
    _assert_same(state, current_pk=pages["preview"].pk, collapse_others=True)
    assert "2 items" in outline_html(
        state, current_pk=pages["preview"].pk, collapse_others=True
    )


def test_a_learner_not_enrolled_sees_the_same_as_the_reference(course, pages, learner):
    state = course_state(user=learner, course=course)
    assert Reason.NOT_ENROLLED in _reasons(state)

    _assert_same(state)


def test_an_enrolled_learner_with_completions_dates_and_the_current_page(
    course, pages, enrolled_learner
):
    item_complete(user=enrolled_learner, page=pages["lesson"], course=course)
    item_complete(user=enrolled_learner, page=pages["quiz"], course=course)
    state = course_state(user=enrolled_learner, course=course)
    assert {Reason.ENROLLED, Reason.FREE_PREVIEW, Reason.NOT_YET_RELEASED} <= (
        _reasons(state)
    )
    assert all(i.opens_on for i in state.items if i.reason == "not_yet_released")
    assert sum(i.completed for i in state.items) == 2

    for page in pages.values():
        _assert_same(state, current_pk=page.pk)
        _assert_same(state, current_pk=page.pk, show_summaries=True)
        _assert_same(state, current_pk=page.pk, collapse_others=True)
    beside_the_lesson = outline_html(
        state, current_pk=pages["lesson"].pk, collapse_others=True
    )
    assert "In ten days" not in beside_the_lesson  # the later module: one line
    assert "0 of 2 items completed" in beside_the_lesson
    assert "Extra reading" in beside_the_lesson  # the module being read: listed
    _assert_same(state, current_pk=pages["lesson"].get_parent().pk, heading_level=2)
    assert "Opens " in outline_html(state)
    assert 'aria-current="page"' in outline_html(state, current_pk=pages["dated"].pk)


def test_a_sequential_course_waits_for_the_previous_item(
    course, pages, enrolled_learner
):
    course.is_sequential = True
    course.save_revision().publish()
    item_complete(user=enrolled_learner, page=pages["preview"], course=course)
    state = course_state(user=enrolled_learner, course=course)
    assert Reason.PREVIOUS_INCOMPLETE in _reasons(state)

    _assert_same(state)
    _assert_same(state, current_pk=pages["quiz"].pk)
    assert "Opens when you complete the one before" in outline_html(state)


def test_a_revoked_learner_and_an_editor(course, pages, revoked_learner, editor):
    for user, reason in ((revoked_learner, Reason.REVOKED), (editor, Reason.EDITOR)):
        state = course_state(user=user, course=course)
        assert reason in _reasons(state)
        _assert_same(state)


def test_one_modules_items_match_the_reference(course, pages, enrolled_learner):
    item_complete(user=enrolled_learner, page=pages["lesson"], course=course)
    state = course_state(user=enrolled_learner, course=course)

    for module in state.modules:
        for show in (False, True):
            assert outline_items_html(
                state, module.items, show_summaries=show
            ) == _items_reference(module.items, None, show)


def test_the_same_pieces_serve_two_learners_differently(
    course, pages, enrolled_learner, learner
):
    # The pieces are built for the first learner and reused for the second.
    first = course_state(user=enrolled_learner, course=course)
    second = course_state(user=learner, course=course)

    assert outline_html(first) == _reference(first)
    assert outline_html(second) == _reference(second)
    assert outline_html(first) != outline_html(second)


def test_a_title_with_a_script_is_escaped(client, enrolled_client, course, module):
    LessonPageFactory(
        parent=module,
        title='<script>alert("x")</script> & more',
        summary="<b>bold</b>",
    )
    state = course_state(user=AnonymousUser(), course=course)

    html = outline_html(state, show_summaries=True)

    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    for page_client in (client, enrolled_client):
        page = page_client.get(course.url).content.decode()
        assert '<script>alert("x")</script>' not in page
        assert "&lt;script&gt;alert(" in page
