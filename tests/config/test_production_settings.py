"""config.settings.production: deploy checks pass, missing secrets stop start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.config.production import (
    REPO_ROOT,
    production_environment,
    production_setting,
)


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    """The environment a production host sets, and nothing from this shell."""
    return production_environment(tmp_path)


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


def test_deploy_checks_fail_without_a_shared_cache(production_env):
    # Given the production environment without Redis
    del production_env["REDIS_URL"]

    # When the release step's deployment checklist runs
    result = _manage(production_env, "check", "--deploy", "--fail-level", "WARNING")

    # Then it stops the release: rate limits would be counted per worker
    assert result.returncode != 0
    assert "core.W001" in result.stdout + result.stderr


def test_a_one_process_server_may_opt_out_of_the_shared_cache(production_env):
    # Given a single server without Redis whose operator runs one worker process
    del production_env["REDIS_URL"]
    production_env["ALLOW_LOCAL_CACHE"] = "true"

    # When the deployment checklist runs
    result = _manage(production_env, "check", "--deploy", "--fail-level", "WARNING")

    # Then it passes
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_trusts_the_one_documented_proxy():
    # Given production settings with TRUSTED_PROXY_COUNT unset
    # Then allauth reads the client from the rightmost X-Forwarded-For entry,
    # the one the documented nginx appends
    assert production_setting("ALLAUTH_TRUSTED_PROXY_COUNT") == 1


def test_trusted_proxy_count_comes_from_the_environment():
    # Given a load balancer in front of nginx
    # Then the operator sets two trusted proxies
    count = production_setting("ALLAUTH_TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="2")
    assert count == 2


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


def test_stripe_api_base_is_ignored_in_production():
    # Given a production host whose environment points Stripe elsewhere
    # When the settings are read, the SDK still talks to Stripe itself
    assert (
        production_setting("STRIPE_API_BASE", STRIPE_API_BASE="http://10.0.0.9:12111")
        == ""
    )
