"""No one who might be signed in ever gets, or leaves behind, a visitor's copy.

For every cached page type: a learner (enrolled or not), the instructor, and a
visitor whose browser carries a session cookie (an anonymous session) each get
a page rendered for them, never the visitor's stored one; and what they are
served never becomes the visitors' copy.
"""

from __future__ import annotations

from django.conf import settings
from django.test import Client

import pytest

from tests.core.page_cache.conftest import CACHED, cache_state

pytestmark = pytest.mark.django_db

WHO = ["learner", "enrolled learner", "instructor", "session cookie"]


@pytest.fixture
def client_of(learner_client, enrolled_client, instructor_client):
    def make(who: str) -> Client:
        if who == "session cookie":
            client = Client()
            client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
            return client
        return {
            "learner": learner_client,
            "enrolled learner": enrolled_client,
            "instructor": instructor_client,
        }[who]

    return make


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", CACHED)
def test_nobody_who_may_be_signed_in_gets_the_visitors_copy(urls, client_of, name, who):
    # Given a page in the visitors' cache
    assert cache_state(Client().get(urls[name])) == "miss"
    assert cache_state(Client().get(urls[name])) == "hit"

    # When someone with a session opens it
    response = client_of(who).get(urls[name])

    # Then it is rendered for them, and marked private
    assert response.status_code == 200
    assert cache_state(response) is None
    assert "private" in response["Cache-Control"]
    if who != "session cookie":
        assert b"Log out" in response.content  # their own header, not the visitor's


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", CACHED)
def test_nobody_who_may_be_signed_in_fills_the_cache(urls, client_of, name, who):
    # Given an empty cache, and someone with a session who opens a page
    client_of(who).get(urls[name])

    # When a visitor opens it next
    response = Client().get(urls[name])

    # Then the visitor's page is rendered for visitors, not taken from theirs
    assert cache_state(response) == "miss"
    assert b"Log out" not in response.content
    assert b"Log in" in response.content


def test_the_enrolled_learner_sees_continue_not_the_visitors_sign_up(
    urls, enrolled_client
):
    visitor_page = Client().get(urls["free course"])
    assert b"Sign up to enroll" in visitor_page.content
    assert cache_state(Client().get(urls["free course"])) == "hit"

    response = enrolled_client.get(urls["free course"])

    assert b"Continue learning" in response.content
    assert b"Sign up to enroll" not in response.content


def test_a_learner_not_enrolled_gets_the_enroll_form(urls, learner_client):
    Client().get(urls["free course"])

    response = learner_client.get(urls["free course"])

    assert b"Enroll for free" in response.content
    assert b"csrfmiddlewaretoken" in response.content


def test_a_learner_of_the_paid_course_gets_the_buy_form(urls, learner_client):
    Client().get(urls["paid course"])

    response = learner_client.get(urls["paid course"])

    assert b"Buy the course" in response.content
    assert b"Sign up to buy" not in response.content


def test_the_enrolled_learner_still_opens_a_gated_lesson(urls, enrolled_client):
    # A visitor is refused; the refusal is not stored, and the learner reads it.
    assert Client().get(urls["gated lesson"]).status_code == 403

    response = enrolled_client.get(urls["gated lesson"])

    assert response.status_code == 200
    assert cache_state(response) is None


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(urls):
    # A messages cookie means the page must show (and clear) the message.
    Client().get(urls["home"])
    client = Client()
    client.cookies["messages"] = "anything"

    assert cache_state(client.get(urls["home"])) is None


def test_basic_authorization_is_not_a_visitor(urls):
    Client().get(urls["home"])

    response = Client().get(urls["home"], HTTP_AUTHORIZATION="Basic eDp5")

    assert cache_state(response) is None
