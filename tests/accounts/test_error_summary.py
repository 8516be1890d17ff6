"""After a failed submit, allauth's forms open with the error summary
(templates/includes/error_summary.html), which static/js/error_summary.js
focuses: what went wrong, each field's error a link to that field."""

from __future__ import annotations

import re

from django.urls import reverse

import pytest

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<div class="error-summary" tabindex="-1"[^>]*data-error-summary')


def summary_of(html: str) -> str:
    start = SUMMARY.search(html)
    assert start, "no error summary on the page"
    return html[start.start() : html.index("</div>", start.start())]


def test_a_refused_login_opens_with_the_summary(client):
    UserFactory(email="maria@example.com")

    response = client.post(
        reverse("account_login"),
        {"login": "maria@example.com", "password": "not her password"},
    )

    assert response.status_code == 200
    summary = summary_of(response.content.decode())
    assert "There is a problem" in summary
    assert "not correct" in summary


def test_a_refused_sign_up_links_each_error_to_its_field(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-address", "password1": "x", "password2": "y"},
    )

    assert response.status_code == 200
    summary = summary_of(response.content.decode())
    assert 'href="#id_email"' in summary
    assert re.search(r'href="#id_password[12]"', summary)


def test_a_page_without_errors_has_no_summary(client):
    response = client.get(reverse("account_signup"))

    assert "data-error-summary" not in response.content.decode()
    assert "js/error_summary.js" in response.content.decode()
