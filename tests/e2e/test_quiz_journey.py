"""A learner works through a module in the browser: lessons, then a quiz.

Our own small course in the live server's database (the shared fixtures of
tests/conftest.py, committed because the test is transactional)::

    Mitigation 101 / Getting started
        The life history · Interviewing family · Knowledge check (quiz) · Wrap-up

The learner marks the lessons complete and continues, fails the knowledge
check, retakes it and passes. The outline beside each page must show the new
state on the page the action leads to: the learner never reloads.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def module_pages(module, lesson):
    from tests.lessons.factories import LessonPageFactory
    from tests.lessons.quiz_factories import QuizPageFactory

    return {
        "history": lesson,
        "family": LessonPageFactory(
            parent=module, title="Interviewing family", slug="family"
        ),
        "quiz": QuizPageFactory(
            parent=module,
            title="Knowledge check",
            slug="knowledge-check",
            pass_mark=100,
            reveal_answers="after_each",
        ),
        "wrap_up": LessonPageFactory(parent=module, title="Wrap-up", slug="wrap-up"),
    }


def log_in(context, base_url: str, user) -> None:
    """Give the browser a session for ``user`` (the sign-up journey tests forms)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def outline_item(page, title: str):
    """The entry for ``title`` in the course outline beside the page."""
    outline = page.get_by_role("navigation", name="Course outline")
    return outline.locator(".outline__item").filter(
        has=page.get_by_text(title, exact=True)
    )


def expect_completed(page, title: str) -> None:
    entry = outline_item(page, title)
    expect(entry).to_have_count(1)
    expect(entry).to_have_class(re.compile(r"\bis-completed\b"))
    expect(entry).to_contain_text("Completed")


def expect_not_completed(page, title: str) -> None:
    entry = outline_item(page, title)
    expect(entry).to_have_count(1)
    expect(entry).not_to_have_class(re.compile(r"\bis-completed\b"))
    expect(entry).not_to_contain_text("Completed")


def expect_progress(page, done: int, total: int) -> None:
    outline = page.get_by_role("navigation", name="Course outline")
    expect(outline.get_by_text(f"{done} of {total} completed")).to_be_visible()
    bar = outline.get_by_role("progressbar", name="Course progress")
    expect(bar).to_have_attribute("value", str(done))
    expect(bar).to_have_attribute("max", str(total))


def answer(page, *labels: str) -> None:
    for label in labels:
        page.get_by_label(label, exact=True).check()


def test_learner_completes_lessons_then_fails_and_passes_the_quiz(
    page, context, live_server, course, module_pages, enrolled_learner
):
    from courses.models import ItemCompletion
    from lessons.models import QuizAttempt

    base = live_server.url
    history, family, quiz = (
        module_pages["history"],
        module_pages["family"],
        module_pages["quiz"],
    )
    log_in(context, base, enrolled_learner)

    # A lesson: "Mark complete and continue" leads to the next one, and the
    # outline there shows the first as completed.
    page.goto(base + history.url)
    expect(page.get_by_role("heading", level=1, name=history.title)).to_be_visible()
    expect_progress(page, 0, 4)
    page.get_by_role("button", name="Mark complete and continue").click()
    expect(page).to_have_url(base + family.url)
    expect(page.get_by_role("heading", level=1, name=family.title)).to_be_visible()
    expect_completed(page, history.title)
    expect_not_completed(page, family.title)
    expect_progress(page, 1, 4)

    # The second lesson leads to the quiz.
    page.get_by_role("button", name="Mark complete and continue").click()
    expect(page).to_have_url(base + quiz.url)
    expect_completed(page, family.title)
    expect_not_completed(page, quiz.title)

    # First attempt: every answer wrong.
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("heading", name="Attempt 1")).to_be_visible()
    answer(page, "The prosecutor", "The juror list", "True")
    page.get_by_role("button", name="Submit answers").click()

    expect(page).to_have_url(base + quiz.url + "attempts/1/")
    expect(page.get_by_text("0% (0 of 3 correct)")).to_be_visible()
    expect(
        page.get_by_text("You did not reach the pass mark of 100% this time.")
    ).to_be_visible()
    expect(page.get_by_text("Not correct", exact=True).first).to_be_visible()
    expect_not_completed(page, quiz.title)
    expect_progress(page, 2, 4)

    # Back on the quiz: the history says "Not passed"; retake.
    page.get_by_role("link", name="Back to the quiz").click()
    history_table = page.get_by_role("table")
    expect(
        history_table.get_by_role("row", name=re.compile("Attempt 1"))
    ).to_contain_text("Not passed")
    page.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("heading", name="Attempt 2")).to_be_visible()
    answer(page, "Defense counsel", "School records", "Medical records", "False")
    page.get_by_role("button", name="Submit answers").click()

    # Passed, and the outline beside the result already shows the quiz done.
    expect(page).to_have_url(base + quiz.url + "attempts/2/")
    expect(page.get_by_text("100% (3 of 3 correct)")).to_be_visible()
    expect(page.get_by_text("You passed.")).to_be_visible()
    expect_completed(page, quiz.title)
    expect_progress(page, 3, 4)
    # and the next item is one click away
    expect(page.get_by_role("link", name=re.compile("Wrap-up")).first).to_be_visible()

    assert ItemCompletion.objects.filter(
        user=enrolled_learner, page_id=quiz.pk
    ).exists()
    assert list(
        QuizAttempt.objects.filter(user=enrolled_learner)
        .order_by("number")
        .values_list("passed", flat=True)
    ) == [False, True]
