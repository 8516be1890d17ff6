"""/accounts/profile/: the details a certificate prints."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse

import pytest

from accounts.models import ClinicianProfile

URL = "/accounts/profile/"
VALID = {
    "name_on_certificate": "Maria L. Gómez, LCSW",
    "profession": "social_worker",
    "license_type": "LCSW",
    "license_number": "LCSW-12345",
    "license_state": "CA",
}


def test_profile_url_is_stable():
    assert reverse("profile_edit") == URL


def test_profile_requires_login(client, db):
    # Given a visitor who is not logged in
    # When they open the profile page
    response = client.get(URL)

    # Then they are sent to log in first
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote(URL)}"


def test_profile_page_shows_the_form(learner_client):
    response = learner_client.get(URL)

    assert response.status_code == 200
    assert 'name="license_state"' in response.content.decode()


def test_post_saves_the_profile(learner_client, learner):
    # Given a logged-in learner
    # When they save their details
    response = learner_client.post(URL, VALID)

    # Then the profile holds them and the page reloads
    assert response.status_code == 302
    assert response.url == URL
    profile = ClinicianProfile.objects.get(user=learner)
    assert profile.name_on_certificate == VALID["name_on_certificate"]
    assert profile.profession == "social_worker"
    assert profile.license_number == "LCSW-12345"
    assert profile.license_state == "CA"


@pytest.mark.parametrize(
    ("code", "shown"),
    [("ON", "Ontario"), ("BC", "British Columbia"), ("PR", "Puerto Rico")],
)
def test_a_canadian_province_or_a_us_territory_is_a_license_region(
    learner_client, learner, code, shown
):
    # ASWB's member boards license in Canadian provinces and US territories too
    page = learner_client.get(URL).content.decode()
    assert f'<option value="{code}">{shown}</option>' in page
    assert "Canada" in page  # the provinces are grouped apart

    learner_client.post(URL, {**VALID, "license_state": code})

    profile = ClinicianProfile.objects.get(user=learner)
    assert (profile.license_state, profile.get_license_state_display()) == (
        code,
        shown,
    )


def test_invalid_license_state_shows_an_error_and_saves_nothing(
    learner_client, learner
):
    # Given a logged-in learner
    # When they post a license state that does not exist
    response = learner_client.post(URL, {**VALID, "license_state": "ZZ"})

    # Then the form comes back with an error on that field, and nothing is saved
    assert response.status_code == 200
    assert "license_state" in response.context["form"].errors
    profile = ClinicianProfile.objects.filter(user=learner).first()
    assert profile is None or profile.name_on_certificate == ""


def test_learner_edits_only_their_own_profile(
    learner_client, learner, enrolled_learner
):
    learner_client.post(URL, VALID)

    assert not ClinicianProfile.objects.filter(
        user=enrolled_learner, name_on_certificate=VALID["name_on_certificate"]
    ).exists()
