"""Tests: fast hashing, local-memory email and cache, immediate tasks."""

from .base import *  # noqa: F403

# The demo academy (``seed_demo``, ``seed_scale``): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# No rate limits but where a test turns one on (the locmem cache outlives a test).
RATE_LIMITS = {}

# Serve static files from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Quiet logs in test output: failures show what matters.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
LOGGING["loggers"]["django.tasks"] = {"level": "WARNING"}  # noqa: F405
