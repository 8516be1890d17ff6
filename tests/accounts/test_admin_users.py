"""Settings → Users: the forms agree with our User model (defect 5).

Sign-up never asks for names, so a learner has none; the instructor must
still be able to save the learner (to deactivate them) and to add a user.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from accounts.models import User
from config.roles import INSTRUCTOR
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def edit_form_data(user: User, **changes) -> dict:
    """The edit form as the browser posts it, unchanged unless told."""
    data = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "password1": "",
        "password2": "",
    }
    if user.is_active:
        data["is_active"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_learner_without_names_can_be_deactivated(instructor_client):
    # Given a learner who signed up with an email only
    learner = UserFactory(email="no.names@example.com")
    assert learner.first_name == learner.last_name == ""

    # When the instructor saves the learner's page with "Active" unticked
    url = reverse("wagtailusers_users:edit", args=[learner.pk])
    response = instructor_client.post(url, edit_form_data(learner, is_active=None))

    # Then it saves and the learner can no longer log in
    assert response.status_code == 302, response.context["form"].errors
    learner.refresh_from_db()
    assert learner.is_active is False


def test_the_edit_form_marks_names_optional(instructor_client):
    learner = UserFactory(email="no.names@example.com")

    response = instructor_client.get(
        reverse("wagtailusers_users:edit", args=[learner.pk])
    )

    form = response.context["form"]
    assert form.fields["first_name"].required is False
    assert form.fields["last_name"].required is False
    assert form.fields["email"].required is True


def test_a_user_is_added_from_the_admin_without_names(instructor_client):
    # When the instructor adds a colleague by email and password only
    response = instructor_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "colleague@example.com",
            "first_name": "",
            "last_name": "",
            "password1": "a-long-enough-passphrase-1",
            "password2": "a-long-enough-passphrase-1",
        },
    )

    # Then the account exists
    assert response.status_code == 302, response.context["form"].errors
    assert User.objects.filter(email="colleague@example.com").exists()


def test_the_account_page_saves_without_names(instructor):
    # Given an administrator who never gave a name
    instructor.first_name = instructor.last_name = ""
    instructor.save()
    client = _client(instructor)

    # When she saves Account (Wagtail admin → Account) with names left blank
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "",
            "name_email-last_name": "",
            "name_email-email": instructor.email,
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )

    # Then the settings are saved
    assert response.status_code == 302


# An instructor who is not an administrator ---------------------------------------


@pytest.fixture
def staff_instructor(db) -> User:
    """In the Instructor group, not a superuser."""
    user = UserFactory(email="dana@example.com", first_name="Dana")
    user.groups.add(Group.objects.get(name=INSTRUCTOR))
    return user


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_an_instructor_deactivates_a_learner(staff_instructor):
    learner = UserFactory(email="no.names@example.com")

    response = _client(staff_instructor).post(
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        edit_form_data(learner, is_active=None),
    )

    assert response.status_code == 302, response.context["form"].errors
    learner.refresh_from_db()
    assert learner.is_active is False


def test_an_instructor_cannot_make_anyone_an_administrator(staff_instructor):
    # Given a learner, and an instructor who is not an administrator
    learner = UserFactory(email="no.names@example.com")
    editors = Group.objects.get(name="Editors")

    # When she posts "Administrator" and a group, which her form does not offer
    response = _client(staff_instructor).post(
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        edit_form_data(learner, is_superuser="on", groups=[editors.pk]),
    )

    # Then the learner is saved but neither an administrator nor in the group
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.is_superuser is False
    assert not learner.groups.exists()


def test_an_instructor_cannot_add_accounts(staff_instructor):
    response = _client(staff_instructor).get(reverse("wagtailusers_users:add"))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def test_an_instructor_sees_a_learners_page_without_password_or_admin_fields(
    staff_instructor,
):
    learner = UserFactory(email="no.names@example.com")

    response = _client(staff_instructor).get(
        reverse("wagtailusers_users:edit", args=[learner.pk])
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert "is_superuser" not in form.fields
    assert "password1" not in form.fields
    assert form.fields["groups"].disabled


def test_an_instructor_cannot_set_a_learners_password(staff_instructor):
    learner = UserFactory(email="no.names@example.com")

    _client(staff_instructor).post(
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        edit_form_data(learner, password1="taken-over-123", password2="taken-over-123"),
    )

    learner.refresh_from_db()
    assert not learner.check_password("taken-over-123")


def test_an_instructor_cannot_edit_an_administrator(staff_instructor, instructor):
    url = reverse("wagtailusers_users:edit", args=[instructor.pk])

    response = _client(staff_instructor).post(
        url, edit_form_data(instructor, email="mine@example.com")
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    instructor.refresh_from_db()
    assert instructor.email == "instructor@example.com"
