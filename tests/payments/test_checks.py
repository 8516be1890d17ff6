"""Missing Stripe settings: a system check warns, production refuses to start."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.checks import run_checks

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _checks_may_query(request):
    """Some apps' checks read the database; the subprocess tests need none."""
    if "production_env" not in request.fixturenames:
        request.getfixturevalue("db")


def _check_ids() -> set[str]:
    return {message.id for message in run_checks()}


def test_w001_without_a_stripe_secret_key(settings):
    settings.STRIPE_SECRET_KEY = ""

    assert "payments.W001" in _check_ids()


def test_w001_hint_names_the_offline_checkout_under_debug(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.DEBUG = True

    (warning,) = [m for m in run_checks() if m.id == "payments.W001"]
    assert "offline test checkout" in warning.hint


def test_w002_with_a_key_but_no_webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = ""

    ids = _check_ids()
    assert "payments.W002" in ids
    assert "payments.W001" not in ids


def test_no_payment_warnings_when_stripe_is_configured(settings):
    ids = _check_ids()

    assert "payments.W001" not in ids
    assert "payments.W002" not in ids


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """A production environment with every secret but Stripe's key."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("STRIPE_", "DJANGO_", "DEBUG", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="academy.example.com",
        SITE_URL="https://academy.example.com",
        DATABASE_URL=f"sqlite:///{tmp_path / 'p.sqlite3'}",
        EMAIL_URL="smtp://localhost:25",
        STRIPE_WEBHOOK_SECRET="whsec_test_production_check",
    )
    return env


def _manage_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_stripe_secret_key(production_env):
    # Given production settings with no STRIPE_SECRET_KEY (which, with DEBUG on,
    # would mean offline test payments)
    # When the site starts (manage.py check)
    result = _manage_check(production_env)

    # Then it fails, naming the missing setting
    assert result.returncode != 0
    assert "STRIPE_SECRET_KEY" in result.stderr


def test_production_refuses_debug_with_no_stripe_key(production_env):
    # Given someone tries to switch on the offline checkout in production
    production_env["DEBUG"] = "true"

    # When the site starts
    result = _manage_check(production_env)

    # Then it fails
    assert result.returncode != 0
    assert "DEBUG" in result.stderr or "STRIPE_SECRET_KEY" in result.stderr


def test_production_starts_with_the_stripe_secret_key(production_env):
    # Given the same environment plus the key (so the test above fails for it alone)
    production_env["STRIPE_SECRET_KEY"] = "sk_test_production_check"

    # When the site starts
    result = _manage_check(production_env)

    # Then the check passes
    assert result.returncode == 0, result.stderr
