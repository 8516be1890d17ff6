"""config.settings.production: deploy checks pass, missing secrets stop start-up."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """The environment a production host sets, and nothing from this shell."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "academy.example.com",
        "SITE_URL": "https://academy.example.com",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        "EMAIL_URL": "smtp+tls://u:p@smtp.example.com:587",
        "STRIPE_SECRET_KEY": "sk_test_x",
        "STRIPE_WEBHOOK_SECRET": "whsec_x",
    }


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_pass_with_no_warnings(production_env):
    # Given the production environment
    # When Django's deployment checklist runs, failing on any warning
    result = _manage(production_env, "check", "--deploy", "--fail-level", "WARNING")

    # Then it passes
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "name",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "SITE_URL",
        "DATABASE_URL",
        "EMAIL_URL",
        "STRIPE_SECRET_KEY",
        "STRIPE_WEBHOOK_SECRET",
    ],
)
def test_missing_secret_stops_start_up_and_names_it(production_env, name):
    # Given the production environment without one required variable
    del production_env[name]

    # When anything starts
    result = _manage(production_env, "check")

    # Then it fails, naming what is missing
    assert result.returncode != 0
    assert name in result.stderr


def test_debug_cannot_be_turned_on_in_production(production_env):
    # Given DEBUG switched on by mistake
    production_env["DEBUG"] = "true"

    # When anything starts
    result = _manage(production_env, "check")

    # Then it fails, naming DEBUG
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_production_serves_https_only(production_env):
    # Given the production settings
    # When they are loaded
    code = (
        "import django; django.setup();"
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=production_env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    # Then cookies are secure, HTTP redirects to HTTPS, HSTS is a year, DEBUG is off
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "False"]
