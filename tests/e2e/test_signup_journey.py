"""The first journey: a visitor signs up from a free course and starts learning.

Role and label locators on purpose: a control a screen reader cannot name is a
control this test cannot find.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    # The live server answers from another thread, so the data must be
    # committed; serialized_rollback brings back Wagtail's root page and
    # default Site (made by migrations) that the flush after each test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_EMAIL = "new.clinician@example.org"
NEW_PASSWORD = "a-long-and-unusual-passphrase-42"
CONFIRM_LINK = re.compile(r"https?://[^\s\"'<>]+/accounts/confirm-email/[^\s\"'<>]+")


def confirmation_path(mailoutbox, email: str) -> str:
    """The path of the verification link in the last email sent to ``email``."""
    sent = [message for message in mailoutbox if email in message.to]
    assert sent, f"no email was sent to {email}; outbox: {[m.to for m in mailoutbox]}"
    match = CONFIRM_LINK.search(sent[-1].body)
    assert match, f"no confirmation link in the email:\n{sent[-1].body}"
    parts = urlsplit(match.group(0))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_visitor_signs_up_from_a_free_course_and_starts_it(page, demo, mailoutbox):
    from accounts.models import User
    from courses.models import Enrollment

    course = demo.free_course
    lesson = demo.first_lesson

    # Home page → catalog → the free course.
    page.goto(demo.url("/"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("navigation").get_by_role(
        "link", name=re.compile(r"^\s*courses\s*$", re.IGNORECASE)
    ).first.click()
    expect(page).to_have_url(demo.url("/courses/"))
    page.get_by_role("link", name=course.title).first.click()
    expect(page).to_have_url(demo.url(course))
    expect(page.get_by_role("heading", level=1, name=course.title)).to_be_visible()

    # Sign up from the course's call to action.
    page.get_by_role("link", name="Sign up to enroll").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    page.get_by_label("Email").fill(NEW_EMAIL)
    page.get_by_label(re.compile(r"^\s*password:?\s*$", re.IGNORECASE)).fill(
        NEW_PASSWORD
    )
    page.get_by_label(re.compile(r"password \(again\)|confirm", re.IGNORECASE)).fill(
        NEW_PASSWORD
    )
    page.get_by_role("button", name=re.compile(r"sign up", re.IGNORECASE)).click()

    # Verify the email address with the link that was sent.
    expect(
        page.get_by_role("heading", name=re.compile(r"verify your email", re.I))
    ).to_be_visible()
    user = User.objects.get(email=NEW_EMAIL)
    assert not Enrollment.objects.filter(user=user).exists()
    page.goto(demo.url(confirmation_path(mailoutbox, NEW_EMAIL)))
    page.get_by_role("button", name=re.compile(r"confirm", re.IGNORECASE)).click()

    # Logged in, back at the enroll confirmation for the course.
    expect(page).to_have_url(demo.url(f"/enroll/{course.pk}/"))
    page.get_by_role("button", name=f"Enroll in {course.title}").click()

    # In the first lesson.
    expect(page).to_have_url(demo.url(lesson))
    expect(page.get_by_role("heading", level=1, name=lesson.title)).to_be_visible()
    expect(
        page.get_by_role("main").get_by_text(demo.text_sample(lesson)).first
    ).to_be_visible()
    assert Enrollment.objects.filter(user=user, course=course).count() == 1
