"""Sign up, verify the email, enroll, read: the path a new clinician takes."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from accounts.models import User
from courses.models import Enrollment
from tests.accounts.factories import PASSWORD
from tests.lessons.factories import body_marker

NEW_EMAIL = "new.clinician@example.com"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+?/)(?=\s|$)")


def _signup(client: Client, email: str, next_url: str = ""):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_signup"), data)


def _confirmation_path(message) -> str:
    match = CONFIRM_LINK.search(message.body)
    assert match, f"no confirmation link in:\n{message.body}"
    return match.group(1)


@pytest.fixture
def enroll_url(course):
    return reverse("enroll", args=[course.pk])


def test_signup_sends_a_verification_email(client, enroll_url):
    # Given a visitor on the sign-up form
    # When they sign up
    response = _signup(client, NEW_EMAIL, next_url=enroll_url)

    # Then they are told to check their email, and one email carries the link
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [NEW_EMAIL]
    assert _confirmation_path(mail.outbox[0])
    assert User.objects.filter(email=NEW_EMAIL).exists()


def test_signup_verify_enroll_and_read_a_lesson(client, course, lesson, enroll_url):
    # Given a visitor who signed up from a course's enroll link
    _signup(client, NEW_EMAIL, next_url=enroll_url)
    confirm_path = _confirmation_path(mail.outbox[0])

    # When they open the link and confirm (a GET only shows the confirm page)
    shown = client.get(confirm_path)
    confirmed = client.post(confirm_path)

    # Then they are logged in and sent on to enroll
    assert shown.status_code == 200
    assert confirmed.status_code == 302
    assert confirmed.url == enroll_url
    user = User.objects.get(email=NEW_EMAIL)
    assert client.session.get("_auth_user_id") == str(user.pk)
    assert user.emailaddress_set.get(email=NEW_EMAIL).verified

    # And when they confirm the enrollment
    enrolled = client.post(enroll_url)

    # Then they land on the lesson and can read it
    assert Enrollment.objects.filter(user=user, course=course).exists()
    assert enrolled.url == lesson.url
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert body_marker(lesson.slug) in response.content.decode()


def test_get_on_the_confirmation_link_does_not_verify(client, db):
    # Given a fresh sign-up
    _signup(client, NEW_EMAIL)
    confirm_path = _confirmation_path(mail.outbox[0])

    # When only a GET reaches the link (a mail scanner, say)
    client.get(confirm_path)

    # Then the address is still unverified
    user = User.objects.get(email=NEW_EMAIL)
    assert not user.emailaddress_set.get(email=NEW_EMAIL).verified


def test_login_before_verification_is_refused(db):
    # Given an account whose email is not yet verified
    _signup(Client(), NEW_EMAIL)
    mail.outbox.clear()
    client = Client()

    # When its owner tries to log in with the right password
    response = client.post(
        reverse("account_login"), {"login": NEW_EMAIL, "password": PASSWORD}
    )

    # Then they are sent to the verification-sent page, not logged in
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_signup_with_an_existing_email_looks_like_a_new_signup(learner):
    # Given one sign-up with a new address and one with a registered address
    new = _signup(Client(), NEW_EMAIL)
    new_mail = mail.outbox[-1]
    existing = _signup(Client(), learner.email)
    existing_mail = mail.outbox[-1]

    # Then both get the same answer, with no error that reveals the account
    assert existing.status_code == new.status_code == 302
    assert existing.url == new.url == reverse("account_email_verification_sent")

    # And the account owner is told by email instead; no second account exists
    assert new_mail.to == [NEW_EMAIL]
    assert existing_mail.to == [learner.email]
    assert CONFIRM_LINK.search(existing_mail.body) is None
    assert User.objects.filter(email=learner.email).count() == 1
