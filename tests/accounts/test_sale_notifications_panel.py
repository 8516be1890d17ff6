"""Wagtail admin → Account → Notifications: the instructor turns sale emails off."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

import pytest

from config.roles import ASSISTANT, INSTRUCTOR
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

FIELD = "sale_notifications-sale_notifications"


def member_client(name: str, email: str):
    user = UserFactory(email=email, first_name="Dana", last_name="Whitfield")
    user.groups.add(Group.objects.get(name=name))
    client = Client()
    client.force_login(user)
    return user, client


def account_post(user, **extra) -> dict:
    """The Account form as the browser posts it (names, email, preferences)."""
    return {
        "name_email-first_name": user.first_name,
        "name_email-last_name": user.last_name,
        "name_email-email": user.email,
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
        **extra,
    }


def test_the_instructor_sees_the_sale_emails_checkbox_ticked():
    user, client = member_client(INSTRUCTOR, "dana@example.com")

    response = client.get(reverse("wagtailadmin_account"))

    page = response.content.decode()
    assert f'name="{FIELD}"' in page
    assert "Email me about each sale" in page
    assert user.sale_notifications is True


def test_the_instructor_turns_sale_emails_off_and_on():
    user, client = member_client(INSTRUCTOR, "dana@example.com")

    off = client.post(reverse("wagtailadmin_account"), account_post(user))
    user.refresh_from_db()
    assert off.status_code == 302
    assert user.sale_notifications is False

    client.post(reverse("wagtailadmin_account"), account_post(user, **{FIELD: "on"}))
    user.refresh_from_db()
    assert user.sale_notifications is True


def test_an_administrator_sees_the_checkbox(instructor_client):
    response = instructor_client.get(reverse("wagtailadmin_account"))

    assert f'name="{FIELD}"' in response.content.decode()


def test_an_assistant_is_not_offered_sale_emails():
    _user, client = member_client(ASSISTANT, "sam@example.com")

    response = client.get(reverse("wagtailadmin_account"))

    assert response.status_code == 200
    assert f'name="{FIELD}"' not in response.content.decode()
