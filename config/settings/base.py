"""Settings shared by every environment.

Each variable comes from the environment through one ``environ.Env()``
(``config/settings/env.py``); signing in is in ``accounts.py``, the school's
own settings in ``school.py``, both star-imported here. See the
configuration table in README.md. Docs: https://docs.djangoproject.com/en/6.1/ref/settings/
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.mailers import mailer_from_url
from config.settings.env import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# GENERAL
# https://docs.djangoproject.com/en/6.1/ref/settings/#debug
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# The public address for links sent away from the site (emails, PDFs): see
# core/site_url.py. In development it follows PORT, as `make run` does.
SITE_URL = env(
    "SITE_URL", default=f"http://127.0.0.1:{env('PORT', default='8000')}"
).rstrip("/")
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# DATABASES
# https://docs.djangoproject.com/en/6.1/ref/settings/#databases
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# APPS
INSTALLED_APPS = [
    # ours
    "core",
    "accounts",
    "courses",
    "lessons",
    "payments",
    # wagtail
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAppConfig",  # wagtail.users, with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # allauth
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Each login is recorded, so a user's sessions can be listed and ended.
    "allauth.usersessions",
    # background work
    "django_tasks",
    "django_tasks_db",
    # django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # allauth's signed-in devices page formats times with it.
    "django.contrib.humanize",
    # Wagtail 8's search index needs it on PostgreSQL (postgres.E005 otherwise).
    "django.contrib.postgres",
]

# AUTHENTICATION, ALLAUTH: config/settings/accounts.py
from config.settings.accounts import *  # noqa: E402, F403

# MIDDLEWARE
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.RejectNulCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Reads the page generation once per request (core/page_generation.py).
    "core.page_generation.PageGenerationMiddleware",
    # Before sessions and auth: a visitor's cached page costs two cache reads.
    "core.page_cache.PageCacheMiddleware",
    "core.middleware.PrivateResponseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.site_cache.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.AdminContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# CONTENT SECURITY POLICY
# https://docs.djangoproject.com/en/6.1/ref/csp/
# The public site runs no inline script. Video embeds come from three hosts.
# The Wagtail admin gets its own looser policy (core.middleware).
EMBED_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://fast.wistia.net",
]
STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "frame-src": EMBED_FRAME_SOURCES,
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    # "Buy the course" posts here and is redirected (303) to Stripe Checkout:
    # browsers apply form-action to that redirect too.
    "form-action": [CSP.SELF, STRIPE_CHECKOUT_ORIGIN],
    "frame-ancestors": [CSP.NONE],
}
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.SELF, *EMBED_FRAME_SOURCES],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}

# TEMPLATES
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# STATIC AND MEDIA
# https://whitenoise.readthedocs.io/
STATIC_URL = "/static/"
# Where collectstatic writes; `make bench` points it at a temporary folder.
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# CACHE
# allauth's rate limits, sessions (cached_db), the page caches and the course
# outlines live in the cache: local memory unless REDIS_URL is set.
# django-redis rather than Django's own RedisCache: Django's builds a new
# client object on every call (about 0.2 ms of CPU each, several per page);
# django-redis keeps one per server. hiredis parses the replies in C.
# An unreachable Redis is a miss, not a failure; rate limits then count in
# each process (core/resilient_cache.py). The timeouts bound a hung Redis.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", 0.5),
                "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", 0.5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# PAGE CACHE (core/page_cache.py)
# Visitors' public pages (home, catalog, course pages, free previews) come from
# the default cache, purged on publish; entries also expire after this long.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# EMAIL (Django 6.1 mailers)
# https://docs.djangoproject.com/en/6.1/topics/email/
MAILERS = {"default": mailer_from_url(env("EMAIL_URL", default="consolemail://"))}
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Practicum <academy@example.com>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# TASKS
# https://docs.djangoproject.com/en/6.1/topics/tasks/
# Immediate by default: Wagtail's search and reference indexes update through
# tasks, and document access relies on the reference index.
# TASKS_BACKEND=database queues work for `manage.py db_worker` (django-tasks-db).
TASKS_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS_BACKEND = env("TASKS_BACKEND", default="immediate")
if TASKS_BACKEND not in TASKS_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND is {TASKS_BACKEND!r}; use one of: {', '.join(TASKS_BACKENDS)}."
    )
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[TASKS_BACKEND]}}

# WAGTAIL
# https://docs.wagtail.org/en/stable/reference/settings.html
WAGTAIL_SITE_NAME = "Practicum"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILEMBEDS_FINDERS: list = []  # no server-side oEmbed calls: see lessons.video
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# SECURITY
SESSION_COOKIE_HTTPONLY = True
# Sessions are read through the cache (Redis in production) and written through
# to the database, so a signed-in page costs no session query.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view overrides it for itself
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# LOGGING: everything to stdout, for the process manager to collect.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# THE SCHOOL (Stripe, CE records, discussion, announcements): school.py
from config.settings.school import *  # noqa: E402, F403
