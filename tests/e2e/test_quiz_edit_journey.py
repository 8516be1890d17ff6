"""The instructor edits a quiz in Wagtail's admin; an earlier attempt keeps its say.

Our own small course in the live server's database (tests/conftest.py), with a
quiz of three questions (tests/lessons/quiz_factories.py's default: single
choice, multiple select, true/false). The learner has taken it once and
passed (through the services). The instructor then rewrites the true/false
statement and flips its answer, and publishes. The learner's attempt still
shows the statement they judged, their answer as right and their score; a new
attempt asks the new statement.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_instructor_lesson_journey import admin_log_in, publish
from tests.e2e.test_quiz_journey import log_in

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_PROMPT = "A mitigation specialist gathers records at counsel's direction."


@pytest.fixture
def quiz(module):
    from tests.lessons.quiz_factories import QuizPageFactory

    return QuizPageFactory(
        parent=module,
        title="Knowledge check",
        slug="knowledge-check",
        pass_mark=100,
        reveal_answers="after_each",
        shuffle_questions=False,
    )


@pytest.fixture
def passed_attempt(quiz, course, enrolled_learner):
    from lessons.services import quiz_attempt_start, quiz_attempt_submit
    from tests.lessons.quiz_factories import right_answers

    attempt = quiz_attempt_start(user=enrolled_learner, quiz=quiz, course=course)
    return quiz_attempt_submit(attempt=attempt, answers=right_answers(attempt))


def feedback_for(page, prompt: str):
    """The learner's feedback on the question that reads ``prompt``."""
    return page.locator(".quiz__question").filter(
        has=page.locator(".quiz__prompt", has_text=prompt)
    )


def test_editing_a_quiz_leaves_an_earlier_attempt_as_it_was(
    page, browser, live_server, quiz, passed_attempt, instructor, enrolled_learner
):
    from lessons.models import QuizAttempt, QuizPage
    from tests.lessons.quiz_factories import TRUE_FALSE_PROMPT

    base = live_server.url
    snapshot_before = QuizAttempt.objects.get(pk=passed_attempt.pk).snapshot
    assert passed_attempt.passed and passed_attempt.score_percent == 100

    # The instructor rewrites the true/false statement and makes it true.
    admin_log_in(page, base, instructor.email)
    page.goto(f"{base}/admin/pages/{quiz.pk}/edit/")
    prompt = page.locator('textarea[name="questions-2-value-prompt"]')
    expect(prompt).to_have_value(TRUE_FALSE_PROMPT)
    prompt.fill(NEW_PROMPT)
    answer = page.locator('select[name="questions-2-value-correct_answer"]')
    expect(answer).to_have_value("false")
    answer.select_option("true")
    publish(page)
    expect(
        page.get_by_text("Page 'Knowledge check' has been published")
    ).to_be_visible()
    edited = QuizPage.objects.get(pk=quiz.pk)
    statement = edited.questions[2].value
    assert statement["prompt"] == NEW_PROMPT and statement["correct_answer"] == "true"

    # The learner's attempt, opened after the edit, shows what they answered.
    learner = browser.new_context()
    try:
        reader = learner.new_page()
        log_in(learner, base, enrolled_learner)
        reader.goto(f"{base}{quiz.url}attempts/{passed_attempt.number}/")
        expect(reader.get_by_text("100% (3 of 3 correct)")).to_be_visible()
        expect(reader.get_by_text("You passed.")).to_be_visible()
        judged = feedback_for(reader, TRUE_FALSE_PROMPT)
        expect(judged).to_have_count(1)
        expect(judged.locator(".quiz__verdict")).to_have_text("Correct")
        expect(judged).to_contain_text(re.compile(r"Your answer:\s*False"))
        expect(judged).to_contain_text(re.compile(r"Correct answer:\s*False"))
        expect(reader.locator("main")).not_to_contain_text(NEW_PROMPT)
        expect(reader.locator(".quiz__question")).to_have_count(3)

        # A new attempt asks the statement as it reads now.
        reader.get_by_role("link", name="Back to the quiz").click()
        reader.get_by_role("button", name="Try again").click()
        expect(reader.get_by_role("heading", name="Attempt 2")).to_be_visible()
        expect(reader.locator("form.quiz")).to_contain_text(NEW_PROMPT)
        expect(reader.locator("form.quiz")).not_to_contain_text(TRUE_FALSE_PROMPT)
    finally:
        learner.close()

    # and the stored attempt was never rewritten.
    assert QuizAttempt.objects.get(pk=passed_attempt.pk).snapshot == snapshot_before
