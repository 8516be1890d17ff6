"""The learner's signed-in devices (allauth's user sessions), from their account."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest
from allauth.usersessions.models import UserSession

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _signed_in(email: str, agent: str) -> Client:
    client = Client(HTTP_USER_AGENT=agent)
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    return client


def test_the_page_lists_each_device_and_signs_the_others_out(learner):
    phone = _signed_in(learner.email, "Phone browser")
    laptop = _signed_in(learner.email, "Laptop browser")

    page = laptop.get(reverse("usersessions_list"))

    assert page.status_code == 200
    content = page.content.decode()
    assert "Phone browser" in content and "Laptop browser" in content
    assert "This device" in content and "Sign out the other devices" in content
    assert f'href="{reverse("usersessions_list")}" aria-current="page"' in content
    # Signing the others out ends the phone's session, not the laptop's
    laptop.post(reverse("usersessions_list"))
    assert phone.get(reverse("dashboard")).status_code == 302
    assert laptop.get(reverse("dashboard")).status_code == 200
    assert UserSession.objects.filter(user=learner).count() == 1
