"""Invitations end in enrollments: the invited person signs up and verifies.

These drive allauth's real sign-up and email confirmation, as a person would.
"""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from courses.bulk_enroll import bulk_enroll_apply, bulk_enroll_plan
from courses.models import Enrollment, EnrollmentSource, EnrollmentStatus, Invitation
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

INVITED = "nora.hale@example.com"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+?/)(?=\s|$)")


@pytest.fixture
def invite(django_capture_on_commit_callbacks, instructor):
    """Apply a one-row file for ``course`` as the instructor, with its email."""

    def run(course, email: str = INVITED, names: str = "Nora,Hale"):
        plan = bulk_enroll_plan(
            rows_text=f"email,first_name,last_name\n{email},{names}\n",
            default_course=course,
        )
        with django_capture_on_commit_callbacks(execute=True):
            return bulk_enroll_apply(plan=plan, invited_by=instructor)

    return run


def _signup(client: Client, email: str) -> None:
    client.post(
        reverse("account_signup"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def _confirm(client: Client, message) -> None:
    match = CONFIRM_LINK.search(message.body)
    assert match, f"no confirmation link in:\n{message.body}"
    client.post(match.group(1))


def test_the_invitation_email_says_who_invites_to_what_and_links_to_sign_up(
    course, invite, instructor, settings
):
    # Given the instructor has a name
    instructor.first_name, instructor.last_name = "Dana", "Reyes"
    instructor.save()

    # When an unknown address is invited
    invite(course)

    # Then one email, in text and HTML, says who invites them to which course
    (message,) = mail.outbox
    assert message.to == [INVITED]
    assert message.subject == "You are invited to Mitigation 101"
    assert "Hello Nora," in message.body
    assert "Dana Reyes of" in message.body
    assert "Mitigation 101" in message.body
    signup = settings.SITE_URL + reverse("account_signup")
    assert signup + "?next=" + reverse("dashboard") in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Create your account" in html


def test_an_invited_person_who_signs_up_and_verifies_is_enrolled(course, invite):
    # Given an invitation, emailed
    invite(course)
    assert len(mail.outbox) == 1

    # When the person signs up with that address and confirms it
    client = Client()
    _signup(client, INVITED)
    _confirm(client, mail.outbox[-1])

    # Then they are enrolled, by hand, and the invitation is accepted
    user = User.objects.get(email=INVITED)
    enrollment = Enrollment.objects.get(user=user, course=course)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert enrollment.source == EnrollmentSource.MANUAL
    assert Invitation.objects.get(email=INVITED).accepted_at is not None
    # And their account takes the name from the file
    user.refresh_from_db()
    assert user.get_full_name() == "Nora Hale"
    # And their dashboard shows the course
    assert "Mitigation 101" in client.get(reverse("dashboard")).content.decode()


def test_signing_up_without_verifying_enrolls_nobody(course, invite):
    # Given an invitation
    invite(course)

    # When the person signs up but does not confirm their address
    _signup(Client(), INVITED)

    # Then nothing is enrolled yet, and the invitation waits
    assert not Enrollment.objects.filter(user__email=INVITED).exists()
    assert Invitation.objects.get(email=INVITED).accepted_at is None


def test_someone_who_signed_up_before_the_invitation_is_enrolled_on_verifying(
    course, invite
):
    # Given a person who signed up but has not confirmed their address yet
    client = Client()
    _signup(client, INVITED)
    verification = mail.outbox[-1]

    # When they are in a bulk file, then confirm from their first email
    result = invite(course)
    _confirm(client, verification)

    # Then they were invited (not enrolled) and their confirmation enrolled them
    assert result.invited == 1
    user = User.objects.get(email=INVITED)
    assert Enrollment.objects.filter(
        user=user, course=course, status=EnrollmentStatus.ACTIVE
    ).exists()


def test_a_verified_user_is_enrolled_at_once_and_never_invited(course, invite):
    # Given a person whose address is verified
    user = User.objects.create_user(email=INVITED, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=INVITED, verified=True, primary=True)

    # When they are in a bulk file
    result = invite(course)

    # Then they are enrolled at once: no invitation, no email
    assert (result.enrolled, result.invited) == (1, 0)
    assert Enrollment.objects.filter(user=user, course=course).exists()
    assert not Invitation.objects.exists()
    assert mail.outbox == []
