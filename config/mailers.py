"""Turn an ``EMAIL_URL`` into Django 6.1's ``MAILERS`` form.

django-environ still speaks the deprecated ``EMAIL_*`` settings; Django 6.1
wants ``MAILERS = {"default": {"BACKEND": ..., "OPTIONS": {...}}}``.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+ssl": "django.core.mail.backends.smtp.EmailBackend",
    "consolemail": "django.core.mail.backends.console.EmailBackend",
    "memorymail": "django.core.mail.backends.locmem.EmailBackend",
    "dummymail": "django.core.mail.backends.dummy.EmailBackend",
}


def mailer_from_url(url: str) -> dict:
    """Return one ``MAILERS`` entry for ``url`` (``smtp+tls://user:pw@host:587``)."""
    parts = urlsplit(url)
    if parts.scheme not in BACKENDS:
        raise ValueError(
            f"EMAIL_URL scheme {parts.scheme!r} is not one of {sorted(BACKENDS)}."
        )
    mailer: dict = {"BACKEND": BACKENDS[parts.scheme]}
    if parts.scheme.startswith("smtp"):
        mailer["OPTIONS"] = {
            "host": parts.hostname or "localhost",
            "port": parts.port,
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": parts.scheme in ("smtps", "smtp+tls"),
            "use_ssl": parts.scheme == "smtp+ssl",
            "timeout": 10,
        }
    return mailer
