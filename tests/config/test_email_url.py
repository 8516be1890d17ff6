"""EMAIL_URL: the forms README.md documents become working mailers."""

from __future__ import annotations

from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

import pytest

from config.mailers import mailer_from_url

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def smtp_options(url: str) -> dict:
    mailer = mailer_from_url(url)
    assert mailer["BACKEND"] == SMTP
    return mailer["OPTIONS"]


def test_plain_smtp():
    options = smtp_options("smtp://mail.example.com:2525")
    assert options["host"] == "mail.example.com"
    assert options["port"] == 2525
    assert options["username"] == options["password"] == ""
    assert options["use_tls"] is options["use_ssl"] is False


@pytest.mark.parametrize("scheme", ["smtp+tls", "smtps"])
def test_starttls_with_an_encoded_user_and_password(scheme):
    options = smtp_options(
        f"{scheme}://apikey%40example.com:p%2Fss%3Aw0rd@smtp.example.com:587"
    )
    assert (options["host"], options["port"]) == ("smtp.example.com", 587)
    assert options["username"] == "apikey@example.com"
    assert options["password"] == "p/ss:w0rd"
    assert options["use_tls"] is True
    assert options["use_ssl"] is False


def test_implicit_tls_keeps_its_port():
    options = smtp_options("smtp+ssl://user:secret@smtp.example.com:2465")
    assert options["port"] == 2465
    assert options["use_ssl"] is True
    assert options["use_tls"] is False


@pytest.mark.parametrize(
    ("url", "port"),
    [
        ("smtp://smtp.example.com", 25),
        ("smtp+tls://smtp.example.com", 587),
        ("smtps://smtp.example.com", 587),
        ("smtp+ssl://smtp.example.com", 465),
    ],
)
def test_each_scheme_has_its_usual_port(url, port):
    assert smtp_options(url)["port"] == port


def test_query_options_reach_the_backend():
    options = smtp_options(
        "smtp+ssl://u:p@smtp.example.com:465"
        "?timeout=30&ssl_certfile=/etc/mail/cert.pem&ssl_keyfile=/etc/mail/key.pem"
    )
    assert options["timeout"] == 30
    assert options["ssl_certfile"] == "/etc/mail/cert.pem"
    assert options["ssl_keyfile"] == "/etc/mail/key.pem"


def test_the_timeout_defaults_to_ten_seconds():
    assert smtp_options("smtp://localhost")["timeout"] == 10


def test_a_query_flag_overrides_the_scheme():
    assert smtp_options("smtp+tls://smtp.example.com?use_tls=false")["use_tls"] is False
    assert smtp_options("smtp://smtp.example.com?use_tls=true")["use_tls"] is True


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("consolemail://", "django.core.mail.backends.console.EmailBackend"),
        ("memorymail://", "django.core.mail.backends.locmem.EmailBackend"),
        ("dummymail://", "django.core.mail.backends.dummy.EmailBackend"),
    ],
)
def test_local_backends_take_no_options(url, backend):
    assert mailer_from_url(url) == {"BACKEND": backend}


@pytest.mark.parametrize(
    "url",
    [
        "gmail://user:pw@smtp.example.com",
        "smtp://smtp.example.com?tls=1",
        "smtp://smtp.example.com?use_tls=maybe",
        "smtp+tls://smtp.example.com?use_ssl=true",
    ],
)
def test_a_mistake_fails_at_start_up(url):
    with pytest.raises(ImproperlyConfigured):
        mailer_from_url(url)


def test_django_builds_the_mailer_it_describes():
    url = "smtp+ssl://user:secret@smtp.example.com:2465?timeout=5"
    with override_settings(MAILERS={"default": mailer_from_url(url)}):
        backend = mail.mailers.default
    assert (backend.host, backend.port) == ("smtp.example.com", 2465)
    assert (backend.username, backend.password) == ("user", "secret")
    assert backend.use_ssl is True
    assert backend.use_tls is False
    assert backend.timeout == 5
