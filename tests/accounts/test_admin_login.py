"""The Wagtail admin logs in through allauth (so rate limits and MFA apply)."""

from __future__ import annotations

from urllib.parse import quote

from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD


def test_admin_sends_visitors_to_the_allauth_login(client, home_page):
    # Given a visitor who is not logged in
    # When they open the admin
    response = client.get("/admin/")

    # Then they are sent to allauth's login page, with the way back
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote('/admin/')}"


def test_instructor_logs_in_and_reaches_the_admin(instructor, home_page):
    # Given the instructor on allauth's login page, sent there by the admin
    client = Client()
    login_url = client.get("/admin/").url

    # When they log in
    response = client.post(login_url, {"login": instructor.email, "password": PASSWORD})

    # Then they go back to the admin, and it opens
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_learner_cannot_use_the_admin(learner_client, home_page):
    # Given a logged-in learner without admin access
    # When they open the admin
    response = learner_client.get("/admin/")

    # Then they do not get in
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url.startswith(reverse("account_login"))
