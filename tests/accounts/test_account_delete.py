"""/accounts/delete/: anonymise the account, keep the CE records.

Deleting asks the person to prove again that the account is theirs, through
allauth's reauthentication (the password, or the second factor when two-factor
authentication is on), and the POST resumes once they have.
"""

from __future__ import annotations

import datetime
import time
from decimal import Decimal

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.usersessions.models import UserSession

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
    assert "confirm it is you" in content


def _logged_in(email: str) -> Client:
    """A client logged in through allauth's form, as a person would."""
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_delete_asks_to_confirm_it_is_them_and_deletes_nothing_before(
    certified_learner,
):
    client = _logged_in("enrolled@example.com")

    response = client.post(URL)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))
    certified_learner.refresh_from_db()
    assert certified_learner.is_active


def test_wrong_password_deletes_nothing(certified_learner):
    client = _logged_in("enrolled@example.com")
    confirm = client.post(URL).url

    response = client.post(confirm, {"password": "not-my-password"})

    assert response.status_code == 200  # the form again, with its error
    certified_learner.refresh_from_db()
    assert certified_learner.is_active
    assert certified_learner.email == "enrolled@example.com"


def test_delete_anonymises_and_keeps_the_certificate(certified_learner):
    # Given a learner with a certificate, signed in
    client = _logged_in("enrolled@example.com")
    pk = certified_learner.pk

    # When they ask to delete their account, and confirm their password
    confirm = client.post(URL).url
    response = client.post(confirm, {"password": PASSWORD}, follow=True)

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


def test_with_two_factor_on_the_second_factor_is_asked_not_the_password(
    certified_learner, settings
):
    settings.MFA_TOTP_TOLERANCE = 1  # the next code, as a code cannot be reused
    # Given a learner with an authenticator app, signed in with it
    secret = generate_totp_secret()
    TOTP.activate(certified_learner, secret)
    client = _logged_in("enrolled@example.com")
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302

    # When they ask to delete the account
    response = client.post(URL)

    # Then they are asked for a code, and the password alone proves nothing
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    password_url = response.url.replace(
        reverse("mfa_reauthenticate"), reverse("account_reauthenticate")
    )
    client.post(password_url, {"password": PASSWORD})
    assert User.objects.get(pk=certified_learner.pk).is_active
    # and with the code the deletion goes through
    confirm = client.post(URL).url
    next_code = format_hotp_value(hotp_value(secret, int(time.time()) // 30 + 1))
    client.post(confirm, {"code": next_code})
    assert not User.objects.get(pk=certified_learner.pk).is_active


def test_delete_ends_every_session(certified_learner):
    # Given the learner is logged in on two devices
    phone = _logged_in("enrolled@example.com")
    laptop = _logged_in("enrolled@example.com")
    assert UserSession.objects.filter(user=certified_learner).count() == 2

    # When they delete the account from the laptop
    confirm = laptop.post(URL).url
    laptop.post(confirm, {"password": PASSWORD})

    # Then the phone is logged out too, and no session of theirs is left
    assert not Session.objects.exists()
    assert not UserSession.objects.exists()
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
