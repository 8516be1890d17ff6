"""The test settings keep the suite fast, offline and repeatable."""

from __future__ import annotations

from django.conf import settings


def test_rate_limits_live_in_local_memory():
    # A shared cache (Redis) would carry allauth's counters between runs.
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def test_tasks_run_immediately():
    # Wagtail's search and reference indexes update through tasks; document
    # access relies on the reference index being current.
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")


def test_email_stays_in_memory():
    assert settings.MAILERS["default"]["BACKEND"].endswith("locmem.EmailBackend")


def test_login_rate_limit_is_as_documented():
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"] == "5/5m/ip,5/5m/key"


def test_no_proxy_is_trusted_outside_production():
    # Without a proxy X-Forwarded-For comes from the client: it must be ignored.
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0
