"""Turn an ``EMAIL_URL`` into Django 6.1's ``MAILERS`` form.

django-environ parses the URL (``Env.email_url_config``) but still answers in
the deprecated ``EMAIL_*`` settings; Django 6.1 wants ``MAILERS = {"default":
{"BACKEND": ..., "OPTIONS": {...}}}``, the options being the backend's keyword
arguments. The forms (README.md, "Configuration"):

- ``smtp://host:25``, ``smtp+tls://user:password@host:587`` (STARTTLS; ``smtps``
  is the same), ``smtp+ssl://user:password@host:465`` (TLS from the first
  byte). Without a port: 25, 587 and 465. URL-encode special characters in the
  user and the password.
- query options go to the SMTP backend as they are named there:
  ``?timeout=20``, ``?ssl_certfile=/path&ssl_keyfile=/path``; ``use_tls`` and
  ``use_ssl`` take ``true``/``false``. Unknown options fail at start-up.
- ``consolemail://``, ``memorymail://``, ``dummymail://``; ``filemail:///path``
  (a path relative to the working directory; ``filemail:////abs/path``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

import environ

SMTP_PORTS = {"smtp": 25, "smtps": 587, "smtp+tls": 587, "smtp+ssl": 465}
SMTP_OPTIONS = {"timeout", "ssl_certfile", "ssl_keyfile", "use_tls", "use_ssl"}
TIMEOUT_SECONDS = 10


def _flag(name: str, value: Any) -> bool:
    text = str(value).lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"EMAIL_URL option {name}={value!r} is not true/false.")


def mailer_from_url(url: str) -> dict[str, Any]:
    """Return one ``MAILERS`` entry for ``url`` (``smtp+tls://user:pw@host:587``).

    Raises ``ImproperlyConfigured`` for an unknown scheme or option.
    """
    config = environ.Env.email_url_config(url)
    backend = config["EMAIL_BACKEND"]
    scheme = url.split(":", 1)[0]
    if scheme == "filemail":
        return {"BACKEND": backend, "OPTIONS": {"file_path": config["EMAIL_FILE_PATH"]}}
    if scheme not in SMTP_PORTS:
        return {"BACKEND": backend}
    options: dict[str, Any] = {
        "host": config["EMAIL_HOST"] or "localhost",
        "port": config["EMAIL_PORT"] or SMTP_PORTS[scheme],
        "username": config["EMAIL_HOST_USER"] or "",
        "password": config["EMAIL_HOST_PASSWORD"] or "",
        "use_tls": _flag("use_tls", config.get("EMAIL_USE_TLS", False)),
        "use_ssl": _flag("use_ssl", config.get("EMAIL_USE_SSL", False)),
        "timeout": TIMEOUT_SECONDS,
    }
    # django-environ upper-cases the query's keys (and casts digits to int).
    query = {key.lower(): value for key, value in config.get("OPTIONS", {}).items()}
    unknown = set(query) - SMTP_OPTIONS
    if unknown:
        raise ImproperlyConfigured(
            f"EMAIL_URL has unknown option(s) {sorted(unknown)}; "
            f"the SMTP backend takes {sorted(SMTP_OPTIONS)}."
        )
    for key, value in query.items():
        if key in ("use_tls", "use_ssl"):
            value = _flag(key, value)
        elif key == "timeout":
            value = float(value)
        options[key] = value
    if options["use_tls"] and options["use_ssl"]:
        raise ImproperlyConfigured("EMAIL_URL cannot ask for both use_tls and use_ssl.")
    return {"BACKEND": backend, "OPTIONS": options}
