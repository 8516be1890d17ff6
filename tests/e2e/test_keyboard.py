"""Four journeys with no mouse: sign-up, a quiz, the test checkout, the evaluation.

Only Tab, Enter and Space move (typing fills text fields). At every Tab the
focused element shows its focus (tests/e2e/keyboard.py), and within the page's
main content each Tab goes down the page. After a failed submit the focus
starts at the error summary, whose links lead to the fields.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import (
    assert_reading_order,
    focused,
    named,
    press,
    skip_to_main,
    submit,
    tab_until,
)

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_EMAIL = "keys.only@example.org"
NEW_PASSWORD = "a-long-and-unusual-passphrase-42"


def log_in(context, base_url: str, user) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def expect_error_summary_focused(page) -> None:
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    now = focused(page)
    assert now is not None and now.ringed, f"The error summary shows no focus: {now}"


def signup_button(focus) -> bool:
    return focus.tag == "button" and "sign up" in focus.text.lower()


def test_sign_up_with_the_keyboard(page, live_server, home_page):
    from accounts.models import User

    page.goto(live_server.url + "/accounts/signup/")
    skip_to_main(page)
    steps = tab_until(page, lambda f: f.name == "email")
    page.keyboard.type(NEW_EMAIL)
    steps += tab_until(page, lambda f: f.name == "password1")
    page.keyboard.type("short")
    steps += tab_until(page, lambda f: f.name == "password2")
    page.keyboard.type("different")
    steps += tab_until(page, signup_button)
    assert_reading_order(steps)
    submit(page)

    # The passwords are refused: the focus starts at the summary of the errors
    expect_error_summary_focused(page)
    link = press(page, "Tab")
    assert link.tag == "a" and "Password" in link.text, f"Tab reached {link}"
    page.keyboard.press("Enter")
    # and its link leads to the field
    target = focused(page)
    assert target.name in ("password1", "password2"), f"The link led to {target}"
    if target.name == "password2":
        page.keyboard.press("Shift+Tab")
    page.keyboard.type(NEW_PASSWORD)
    tab_until(page, lambda f: f.name == "password2")
    page.keyboard.type(NEW_PASSWORD)
    tab_until(page, signup_button)
    submit(page)

    expect(
        page.get_by_role("heading", name=re.compile(r"verify your email", re.I))
    ).to_be_visible()
    assert User.objects.filter(email=NEW_EMAIL).exists()


def test_take_a_quiz_with_the_keyboard(
    page, live_server, course, module, lesson, enrolled_learner
):
    from lessons.models import QuizAttempt
    from tests.lessons.quiz_factories import QuizPageFactory

    quiz = QuizPageFactory(parent=module, title="Knowledge check", slug="check")
    log_in(page.context, live_server.url, enrolled_learner)
    page.goto(live_server.url + quiz.url)
    skip_to_main(page)
    tab_until(page, named("Start the quiz"))
    submit(page)
    expect(page.get_by_role("heading", name="Attempt 1")).to_be_visible()

    # Every question in turn: Space picks the choice the focus lands on
    skip_to_main(page)
    steps = tab_until(page, lambda f: f.name.startswith("q-"))
    wanted = {"School records", "Medical records"}
    while steps[-1].name.startswith("q-"):
        choice = steps[-1]
        if choice.type == "radio" or choice.text in wanted:
            page.keyboard.press("Space")
        steps.append(press(page, "Tab"))
    assert steps[-1].text == "Submit answers", f"After the questions: {steps[-1]}"
    assert_reading_order(steps)
    submit(page)

    expect(page).to_have_url(live_server.url + quiz.url + "attempts/1/")
    expect(page.get_by_text(re.compile(r"\(\d of 3 correct\)"))).to_be_visible()
    attempt = QuizAttempt.objects.get(user=enrolled_learner, quiz=quiz)
    assert attempt.submitted_at is not None
    assert all(attempt.answers.get(q["id"]) for q in attempt.snapshot), (
        f"Not every question was answered: {attempt.answers}"
    )


def test_buy_a_course_with_the_keyboard(
    page, live_server, paid_course, learner, settings
):
    from payments.models import Order, OrderStatus

    settings.DEBUG = True  # the offline test checkout: DEBUG on, no Stripe key
    settings.STRIPE_SECRET_KEY = ""
    log_in(page.context, live_server.url, learner)
    page.goto(live_server.url + paid_course.url)
    skip_to_main(page)
    tab_until(page, lambda f: f.tag == "button" and f.text.startswith("Buy the course"))
    submit(page)
    expect(page.get_by_role("heading", level=1, name="Test payment")).to_be_visible()

    skip_to_main(page)
    steps = tab_until(page, named("Pay (test)"))
    assert_reading_order(steps)
    submit(page)

    expect(page.get_by_role("status")).to_contain_text("Payment received")
    order = Order.objects.get(user=learner, course=paid_course)
    assert order.status == OrderStatus.PAID


@pytest.fixture
def evaluation_due(course_index):
    """A learner who has passed a CE course's post-test, not yet evaluated it."""
    from tests.accounts.factories import UserFactory
    from tests.courses.ce_support import (
        ce_course_build,
        enroll,
        final_take,
        lessons_complete,
    )

    ce = ce_course_build(parent=course_index)
    user = UserFactory(email="keys.evaluation@example.com")
    enroll(user, ce)
    lessons_complete(user, ce)
    final_take(user, ce)
    return user, ce


TYPED = {
    "hours_spent": "3",
    "comments": "Clear.",
    "name_on_certificate": "Maria L. Gómez, LCSW",
    "license_type": "LCSW",
    "license_number": "LIC-998877",
    "license_state": "Texas",
}


def test_evaluate_a_course_with_the_keyboard(page, live_server, evaluation_due):
    from courses.models import Certificate

    user, ce = evaluation_due
    log_in(page.context, live_server.url, user)
    page.goto(f"{live_server.url}/evaluation/{ce.course.pk}/")
    submit_button = named("Submit the evaluation and get my certificate")

    # Submitted empty: the focus starts at the summary; its first link leads on
    skip_to_main(page)
    tab_until(page, submit_button)
    submit(page)
    expect_error_summary_focused(page)
    link = press(page, "Tab")
    assert link.tag == "a" and link.text.startswith("I can now:"), f"Tab: {link}"
    page.keyboard.press("Enter")
    first = focused(page)
    assert first.name == "objective_0", f"The link led to {first}"

    # Every question in turn, from there to the button
    page.keyboard.press("Space")
    steps = [first]
    while not submit_button(steps[-1]):
        now = press(page, "Tab")
        steps.append(now)
        if now.type == "radio":
            page.keyboard.press("Space")
        elif now.name in TYPED:
            page.keyboard.type(TYPED[now.name])
    assert_reading_order(steps)
    answered = {step.name for step in steps}
    assert set(TYPED) | {"objective_0", "objective_1", "relevance"} <= answered
    submit(page)

    certificate = Certificate.objects.get(enrollment__user=user)
    expect(page).to_have_url(
        # the skip link's fragment stays on the URL through the redirect
        re.compile(re.escape(f"/certificates/{certificate.serial}/") + "(#main)?$")
    )
    assert certificate.license_state == "TX"
