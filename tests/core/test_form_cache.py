"""``{% fields_cached %}``: an empty form drawn once per process, a filled one anew."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

import pytest

from core.templatetags import form_cache
from lessons.discussion.forms import PostForm, ReplyForm

FIELDS = "lessons/discussion/form_fields.html"
TEMPLATE = Template('{% load form_cache %}{% fields_cached form "' + FIELDS + '" %}')


@pytest.fixture(autouse=True)
def _empty_memory():
    form_cache._drawn.clear()
    yield
    form_cache._drawn.clear()


def draw(form) -> str:
    return TEMPLATE.render(Context({"form": form}))


def test_an_empty_form_is_drawn_once_and_the_same_after():
    first = draw(PostForm(auto_id="discussion-%s"))
    assert len(form_cache._drawn) == 1
    assert draw(PostForm(auto_id="discussion-%s")) == first
    assert len(form_cache._drawn) == 1
    assert 'id="discussion-source"' in first
    assert 'name="kind"' in first


def test_forms_that_differ_are_kept_apart():
    one = draw(ReplyForm(auto_id="reply-1-%s", initial={"parent": 1}))
    two = draw(ReplyForm(auto_id="reply-2-%s", initial={"parent": 2}))
    assert 'value="1"' in one and 'value="2"' in two
    assert 'id="reply-2-source"' in two
    with translation.override("en-gb"):
        draw(ReplyForm(auto_id="reply-1-%s", initial={"parent": 1}))
    assert len(form_cache._drawn) == 3


def test_a_filled_form_is_drawn_afresh_with_its_errors_and_text():
    draw(PostForm(auto_id="discussion-%s"))

    html = draw(PostForm({"kind": "question", "source": ""}, auto_id="discussion-%s"))
    assert "Write something before posting." in html

    html = draw(PostForm({"kind": "comment", "source": "My <b>text</b>"}))
    assert "My &lt;b&gt;text&lt;/b&gt;" in html
    assert len(form_cache._drawn) == 1
