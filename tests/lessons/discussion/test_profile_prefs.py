"""The name shown in discussions and the discussion emails, where people set them."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

import pytest

from accounts.models import ClinicianProfile
from config.roles import ASSISTANT, INSTRUCTOR
from tests.accounts.factories import UserFactory
from tests.accounts.test_sale_notifications_panel import account_post
from tests.lessons.discussion.factories import PostFactory, client_for

pytestmark = pytest.mark.django_db

URL = "/accounts/profile/"
CERTIFICATE = {
    "name_on_certificate": "Maria L. Gómez, LCSW",
    "profession": "social_worker",
    "license_type": "LCSW",
    "license_number": "LCSW-12345",
    "license_state": "CA",
}
ANSWER = "emails-discussion_answer_notifications"
REPLY = "emails-discussion_reply_notifications"
QUESTION_FIELD = "discussion_notifications-discussion_question_notifications"


@pytest.fixture
def maria(db):
    return UserFactory(email="maria@example.com", first_name="Maria", last_name="Gómez")


def test_the_profile_explains_the_default_name_and_offers_the_emails(maria):
    html = client_for(maria).get(URL).content.decode()

    assert 'name="display_name"' in html
    assert "Leave it empty to show your first name and last initial (Maria G.)." in html
    assert "<legend>Discussion emails</legend>" in html
    assert f'name="{ANSWER}"' in html and f'name="{REPLY}"' in html
    assert "checked" in html.split(f'name="{REPLY}"')[1].split(">")[0]


def test_a_name_with_markup_is_escaped_in_the_help(db):
    user = UserFactory(first_name="<b>Eve</b>", last_name="Smith")

    html = client_for(user).get(URL).content.decode()

    assert "&lt;b&gt;Eve&lt;/b&gt; S." in html
    assert "<b>Eve</b>" not in html


def test_the_learner_chooses_a_display_name_shown_in_discussions(maria, course, lesson):
    from courses.models import EnrollmentSource
    from courses.services import enrollment_grant

    enrollment_grant(user=maria, course=course, source=EnrollmentSource.FREE)
    client = client_for(maria)
    PostFactory(page=lesson, author=maria)

    response = client.post(
        URL, {**CERTIFICATE, "display_name": "MG from Fresno", ANSWER: "on"}
    )

    assert response.status_code == 302
    assert ClinicianProfile.objects.get(user=maria).display_name == "MG from Fresno"
    html = client.get(lesson.url).content.decode()
    assert "MG from Fresno" in html
    assert "maria@example.com" not in html.split('id="discussion"')[1]


def test_the_learner_turns_reply_emails_off(maria):
    client_for(maria).post(URL, {**CERTIFICATE, ANSWER: "on"})

    maria.refresh_from_db()
    assert maria.discussion_answer_notifications is True
    assert maria.discussion_reply_notifications is False


def test_an_invalid_profile_saves_no_preference(maria):
    response = client_for(maria).post(URL, {**CERTIFICATE, "license_state": "ZZ"})

    assert response.status_code == 200
    maria.refresh_from_db()
    assert maria.discussion_reply_notifications is True


# Wagtail admin → Account → Notifications --------------------------------------------


def member(group: str):
    user = UserFactory(first_name="Dana", last_name="Whitfield")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return user, client


def test_the_instructor_turns_question_emails_off_and_on():
    user, client = member(INSTRUCTOR)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert f'name="{QUESTION_FIELD}"' in page
    assert "Email me about each new discussion question" in page

    client.post(reverse("wagtailadmin_account"), account_post(user))
    user.refresh_from_db()
    assert user.discussion_question_notifications is False

    client.post(
        reverse("wagtailadmin_account"), account_post(user, **{QUESTION_FIELD: "on"})
    )
    user.refresh_from_db()
    assert user.discussion_question_notifications is True


def test_an_administrator_is_offered_question_emails(instructor_client):
    page = instructor_client.get(reverse("wagtailadmin_account")).content.decode()

    assert f'name="{QUESTION_FIELD}"' in page


def test_an_assistant_is_not_offered_question_emails():
    _user, client = member(ASSISTANT)

    page = client.get(reverse("wagtailadmin_account")).content.decode()

    assert f'name="{QUESTION_FIELD}"' not in page
