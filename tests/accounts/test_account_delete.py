"""/accounts/delete/: anonymise the account, keep the CE records."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from accounts.models import ClinicianProfile, User
from accounts.services import account_delete
from courses.models import Certificate, Enrollment
from tests.accounts.factories import PASSWORD

URL = "/accounts/delete/"


@pytest.fixture
def certified_learner(course, enrolled_learner):
    ClinicianProfile.objects.create(
        user=enrolled_learner,
        name_on_certificate="Maria L. Gómez, LCSW",
        license_type="LCSW",
        license_number="LCSW-12345",
        license_state="CA",
    )
    enrolled_learner.first_name = "Maria"
    enrolled_learner.last_name = "Gómez"
    enrolled_learner.save()
    Certificate.objects.create(
        enrollment=Enrollment.objects.get(user=enrolled_learner),
        serial="PRC-AAAA-BBBB",
        learner_name="Maria L. Gómez, LCSW",
        license_type="LCSW",
        license_number="LCSW-12345",
        license_state="CA",
        course_title=course.title,
        completed_on=datetime.date(2025, 3, 1),
        ce_hours=Decimal("6.00"),
        provider_name="Practicum Academy",
    )
    return enrolled_learner


def test_url_is_stable():
    assert reverse("account_delete") == URL


def test_requires_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_confirm_page_explains_what_is_kept(learner_client, settings):
    settings.CE_RECORD_RETENTION_YEARS = 7

    response = learner_client.get(URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "7 years" in content
    assert 'name="password"' in content


def test_wrong_password_deletes_nothing(learner_client, learner):
    response = learner_client.post(URL, {"password": "not-my-password"})

    assert response.status_code == 200
    learner.refresh_from_db()
    assert learner.is_active
    assert learner.email == "learner@example.com"


def test_delete_anonymises_and_keeps_the_certificate(certified_learner):
    # Given a learner with a certificate, logged in
    client = Client()
    assert client.login(email="enrolled@example.com", password=PASSWORD)
    pk = certified_learner.pk

    # When they delete their account with their password
    response = client.post(URL, {"password": PASSWORD}, follow=True)

    # Then they are logged out at home, told what happened
    assert response.redirect_chain[-1][0] == "/"
    assert "Your account has been deleted." in response.content.decode()
    assert "_auth_user_id" not in client.session
    # and the account is anonymised
    user = User.objects.get(pk=pk)
    assert user.email == f"deleted-{pk}@deleted.invalid"
    assert (user.first_name, user.last_name) == ("", "")
    assert not user.is_active
    assert not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    profile = ClinicianProfile.objects.get(user=user)
    assert profile.name_on_certificate == ""
    assert profile.license_number == ""
    # and the CE records stay, with the certificate's own snapshot
    assert Enrollment.objects.filter(user=user).count() == 1
    certificate = Certificate.objects.get(serial="PRC-AAAA-BBBB")
    assert certificate.learner_name == "Maria L. Gómez, LCSW"
    assert certificate.license_number == "LCSW-12345"
    assert certificate.status == "valid"


def test_delete_ends_every_session(certified_learner):
    # Given the learner is logged in on two devices
    phone, laptop = Client(), Client()
    phone.force_login(certified_learner)
    laptop.force_login(certified_learner)

    # When they delete the account from the laptop
    laptop.post(URL, {"password": PASSWORD})

    # Then the phone is logged out too
    assert not Session.objects.exists()
    assert phone.get(reverse("dashboard")).status_code == 302


def test_deleted_account_cannot_log_in(certified_learner):
    account_delete(user=certified_learner)

    assert not Client().login(email="enrolled@example.com", password=PASSWORD)


def test_delete_is_idempotent(certified_learner):
    account_delete(user=certified_learner)
    account_delete(user=certified_learner)

    user = User.objects.get(pk=certified_learner.pk)
    assert user.email == f"deleted-{user.pk}@deleted.invalid"


def test_account_nav_links_to_deletion(learner_client):
    response = learner_client.get(reverse("profile_edit"))

    assert f'href="{URL}"' in response.content.decode()
