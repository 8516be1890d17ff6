"""Every place a template prints a value unescaped is known, and safe.

Learner-written text reaches a page only as HTML made by
``core.markdown.markdown_render`` (bleach, in ``core/sanitize.py``) and stored
as ``Post.html`` or ``Announcement.body_html``. The rest is our own markup.
A new ``|safe``, ``mark_safe`` or ``{% autoescape off %}`` fails here until it
is reviewed and listed.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
APPS = ("accounts", "config", "core", "courses", "lessons", "payments")

# (template, the expression printed with |safe): where its HTML comes from.
SAFE_ALLOWED = {
    # markdown_render (bleach) on write, stored on the post
    ("lessons/discussion/post.html", "post.html"),
    ("lessons/discussion/report.html", "post.html"),
    ("lessons/discussion/delete.html", "post.html"),
    ("lessons/discussion/admin/post_card.html", "p.html"),
    # markdown_render of the draft, never stored (lessons.discussion.views)
    ("lessons/discussion/compose.html", "preview.html"),
    # markdown_render of the announcement (courses.announcements)
    ("courses/admin/announcements/message.html", "body_html"),
    ("courses/email/announcement_message.html", "announcement.body_html"),
    # our own: the QR code's SVG (qrcode), form help texts written in code
    ("courses/pdf/certificate.html", "qr_svg"),
    ("courses/certificate_detail.html", "qr_svg"),
    ("includes/form_field.html", "field.help_text"),
}

SAFE_FILTER = re.compile(r"{{\s*([\w.]+)\s*\|\s*safe\s*}}")


def test_every_safe_filter_prints_sanitized_or_own_html():
    found = set()
    for path in TEMPLATES.rglob("*.html"):
        name = path.relative_to(TEMPLATES).as_posix()
        text = path.read_text()
        found |= {(name, expr) for expr in SAFE_FILTER.findall(text)}
        assert text.count("|safe") == len(SAFE_FILTER.findall(text)), name

    assert found - SAFE_ALLOWED == set(), "review these and list them"


def test_autoescape_off_only_in_plain_text_emails():
    offenders = [
        path.relative_to(TEMPLATES).as_posix()
        for path in TEMPLATES.rglob("*")
        if path.is_file()
        and "autoescape off" in path.read_text()
        and not (path.suffix == ".txt" and "/email/" in path.as_posix())
    ]

    assert offenders == []


# Modules allowed to call mark_safe, and why what they mark is safe.
MARK_SAFE_ALLOWED = {
    # joins pieces rendered by includes/outline_item.html and outline_parts.html
    # (autoescaped templates), nothing else; tests/courses/test_outline_html.py
    # checks a title with markup comes out escaped
    "courses/outline_html.py",
}


def test_no_mark_safe_in_our_code():
    offenders = [
        str(path.relative_to(ROOT))
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "mark_safe" in path.read_text()
    ]

    assert set(offenders) == MARK_SAFE_ALLOWED  # format_html escapes; use it
