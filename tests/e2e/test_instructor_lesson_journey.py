"""The instructor writes a lesson in Wagtail's admin; an enrolled learner reads it.

Our own small course in the live server's database (tests/conftest.py)::

    Mitigation 101 / Getting started
        The life history

The instructor logs in through the login form, adds a lesson to the module
(title, one paragraph typed into the Draftail editor of a Paragraph block)
and publishes it. The learner, already enrolled, finds it in the course
outline beside the lesson they were reading and opens it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_quiz_journey import log_in, outline_item

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_TITLE = "Working with interpreters"
NEW_TEXT = "Brief the interpreter before every visit, never in front of the client."


def admin_log_in(page, base_url: str, email: str) -> None:
    """Log in through the form the admin sends a visitor to."""
    from tests.accounts.factories import PASSWORD

    page.goto(base_url + "/admin/")
    page.get_by_label(re.compile("^Email")).fill(email)
    page.get_by_label(re.compile("^Password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("^(Sign in|Log in)$", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def publish(page) -> None:
    """Open the editor's action menu and publish the page."""
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()


def test_instructor_publishes_a_lesson_and_the_learner_reads_it(
    page, browser, live_server, module, lesson, instructor, enrolled_learner
):
    from lessons.models import LessonPage

    base = live_server.url

    # The instructor adds a lesson to the module in the admin.
    admin_log_in(page, base, instructor.email)
    page.goto(f"{base}/admin/pages/add/lessons/lessonpage/{module.pk}/")
    page.locator("#id_title").fill(NEW_TITLE)
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name=re.compile("^Paragraph")).click()
    editor = page.locator("#body-root .public-DraftEditor-content")
    editor.click()
    editor.press_sequentially(NEW_TEXT)
    expect(editor).to_contain_text(NEW_TEXT)
    # Draftail saves what was typed to the form's field a moment later.
    saved = page.locator('#body-root input[name="body-0-value"]')
    expect(saved).to_have_value(re.compile(re.escape(NEW_TEXT.split(",")[0])))
    publish(page)
    expect(
        page.get_by_text(f"Page '{NEW_TITLE}' created and published")
    ).to_be_visible()

    created = LessonPage.objects.get(title=NEW_TITLE)
    assert created.live and created.get_parent().pk == module.pk
    assert NEW_TEXT in str(created.body[0].value)

    # The learner, in a browser of their own, finds it after the lesson they read.
    learner = browser.new_context()
    try:
        reader = learner.new_page()
        log_in(learner, base, enrolled_learner)
        reader.goto(base + lesson.url)
        entry = outline_item(reader, NEW_TITLE)
        expect(entry).to_have_count(1)
        entry.get_by_role("link", name=re.compile(NEW_TITLE)).click()
        expect(reader).to_have_url(base + created.url)
        expect(reader.get_by_role("heading", level=1, name=NEW_TITLE)).to_be_visible()
        expect(reader.locator("article")).to_contain_text(NEW_TEXT)
    finally:
        learner.close()
