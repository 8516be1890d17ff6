"""Production: secrets with no default, so a missing one stops start-up.

`python manage.py check --deploy --fail-level WARNING` passes with these.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def _required(name: str) -> str:
    value = env(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set in production "
            "(see the configuration table in README.md)."
        )
    return value


DEBUG = env.bool("DEBUG", default=False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off under config.settings.production.")
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [host for host in _required("ALLOWED_HOSTS").split(",") if host]
SITE_URL = _required("SITE_URL").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
DATABASES = {"default": env.db_url_config(_required("DATABASE_URL"))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
MAILERS = {"default": mailer_from_url(_required("EMAIL_URL"))}  # noqa: F405
CSRF_TRUSTED_ORIGINS = [SITE_URL]

# HTTPS
# https://docs.djangoproject.com/en/6.1/howto/deployment/checklist/
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# THE PROXY IN FRONT (docs/DEPLOY.md)
# Every request reaches gunicorn from the proxy, so allauth's per-IP rate limits
# must read the client's address from X-Forwarded-For: the rightmost entry for
# the one documented nginx. Set TRUSTED_PROXY_COUNT=2 with a load balancer in
# front of nginx; never more than the proxies you run, or clients choose their
# own address.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# SHARED CACHE
# allauth's rate-limit counters live in the default cache. Without REDIS_URL it
# is local to each gunicorn worker, so `check --deploy` warns (core.W001) unless
# the operator states that one process serves the site: ALLOW_LOCAL_CACHE=true.
ALLOW_LOCAL_CACHE = env.bool("ALLOW_LOCAL_CACHE", default=False)
# Errors of the methods core.resilient_cache does not handle itself are logged.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# MEDIA (docs/DEPLOY.md, "Media on S3-style storage")
# With AWS_STORAGE_BUCKET_NAME set, uploads go to that bucket through
# django-storages; without it, to MEDIA_ROOT on this server. Credentials come
# from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role.
# Documents and original images are private (documents reach browsers only
# through Wagtail's serve view, which runs the access policy: base.py). The
# resized images pages show (Wagtail's renditions, under images/) have plain,
# lasting addresses: rendered lesson bodies and course pages are cached for a
# day or more (core.page_generation), longer than any signature would last.
# The bucket grants public read on images/ only, or a CDN serves them
# (AWS_S3_CUSTOM_DOMAIN).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _BUCKET = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env("AWS_S3_REGION_NAME", default=None),
        "file_overwrite": False,
    }
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_BUCKET,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", 3600),
            },
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_BUCKET,
                "querystring_auth": False,
                "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            },
        },
    }
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# Payments: the offline test gateway is for DEBUG only (payments.checks).
# STRIPE_API_BASE points the SDK at a local double in tests; in production a
# stray value would send card payments and refunds to another server, so it is
# ignored here whatever the environment says: the SDK talks to Stripe itself.
STRIPE_API_BASE = ""
STRIPE_SECRET_KEY = _required("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = _required("STRIPE_WEBHOOK_SECRET")
