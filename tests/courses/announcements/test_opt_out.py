"""The learner's opt-out: "Emails from the instructor" on their profile page."""

from __future__ import annotations

import re

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

URL = reverse("profile_edit")
PROFILE = {
    "name_on_certificate": "Maria L. Gómez, LCSW",
    "profession": "social_worker",
    "license_type": "LCSW",
    "license_number": "LCSW-12345",
    "license_state": "CA",
}


def test_the_profile_offers_the_opt_out_in_its_own_fieldset(learner_client):
    content = learner_client.get(URL).content.decode()

    assert "<legend" in content and "Emails from the instructor" in content
    assert 'name="announcement_emails"' in content
    assert re.search(r'name="announcement_emails"[^>]*checked', content)


def test_unticking_it_stops_announcements(learner_client, learner):
    response = learner_client.post(URL, PROFILE)  # an unticked box is not posted

    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.announcement_emails is False


def test_ticking_it_again_turns_them_back_on(learner_client, learner):
    learner.announcement_emails = False
    learner.save()

    learner_client.post(URL, {**PROFILE, "announcement_emails": "on"})

    learner.refresh_from_db()
    assert learner.announcement_emails is True


def test_an_invalid_profile_saves_no_email_choice_either(learner_client, learner):
    learner_client.post(URL, {**PROFILE, "license_state": "ZZ"})

    learner.refresh_from_db()
    assert learner.announcement_emails is True


def test_other_learners_are_not_changed(learner_client, enrolled_learner):
    learner_client.post(URL, PROFILE)

    enrolled_learner.refresh_from_db()
    assert enrolled_learner.announcement_emails is True
