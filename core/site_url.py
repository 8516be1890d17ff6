"""The site's public address: the one source of every absolute link we send out.

Emails, PDFs and anything else read away from the site (where no request is at
hand) build their links here, from ``settings.SITE_URL``. In development the
default follows ``PORT``, so ``PORT=8201 make run`` mails links to :8201.
"""

from __future__ import annotations

from django.conf import settings


def site_url(path: str = "/") -> str:
    """``site_url("/dashboard/")`` → ``"https://academy.example.com/dashboard/"``."""
    base = settings.SITE_URL.rstrip("/")
    if not path.startswith("/"):
        path = "/" + path
    return base + path
