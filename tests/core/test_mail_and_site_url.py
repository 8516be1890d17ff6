from django.core import mail

from core.mail import mail_render
from core.site_url import site_url


def test_site_url_joins_the_configured_address(settings):
    settings.SITE_URL = "http://127.0.0.1:8201"
    assert site_url("/dashboard/") == "http://127.0.0.1:8201/dashboard/"
    assert site_url("dashboard/") == "http://127.0.0.1:8201/dashboard/"


def test_dev_site_url_follows_port(monkeypatch):
    import importlib

    import config.settings.base as base

    monkeypatch.setenv("PORT", "8201")
    monkeypatch.delenv("SITE_URL", raising=False)
    try:
        assert importlib.reload(base).SITE_URL == "http://127.0.0.1:8201"
    finally:
        monkeypatch.delenv("PORT")
        importlib.reload(base)


def test_mail_render_gives_one_line_subject_text_and_html(settings):
    settings.SITE_URL = "https://academy.example.com"
    subject, text, html = mail_render(
        "courses/email/certificate_issued",
        {"certificate": None, "certificate_url": "u", "verify_url": "v"},
    )
    assert "\n" not in subject
    assert mail.outbox == []
    assert html.lstrip().startswith("<!doctype html>") or "<html" in html
