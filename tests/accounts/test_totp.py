"""Staff turn on two-factor authentication (allauth's TOTP), and then need it."""

from __future__ import annotations

import time

from django.test import Client
from django.urls import reverse

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.accounts.factories import PASSWORD


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_instructor_turns_on_totp_and_login_then_asks_for_a_code(instructor, home_page):
    # Given the instructor, logged in through allauth's form (a fresh login)
    client = Client()
    client.post(
        reverse("account_login"), {"login": instructor.email, "password": PASSWORD}
    )

    # When they confirm their password (allauth asks again before any MFA
    # change, even right after login), open the TOTP set-up page and enter
    # a code from their app
    assert client.get(reverse("mfa_activate_totp")).url.startswith(
        reverse("account_reauthenticate")
    )
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})

    # Then an authenticator is stored
    assert response.status_code == 302
    assert Authenticator.objects.filter(
        user=instructor, type=Authenticator.Type.TOTP
    ).exists()

    # And a new login stops at the code before the admin opens
    fresh = Client()
    login = fresh.post(
        reverse("account_login") + "?next=/admin/",
        {"login": instructor.email, "password": PASSWORD},
    )
    assert login.status_code == 302
    assert login.url == reverse("mfa_authenticate")
    assert fresh.get("/admin/").status_code == 302
