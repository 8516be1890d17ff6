"""A subject and message that try to inject script: shown as text, never run."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

import pytest

from courses.models import Announcement

pytestmark = pytest.mark.django_db

SUBJECT = '<script>alert("subject")</script> Hi'
BODY = (
    '<script>alert("body")</script>\n\n'
    "<img src=x onerror=alert(1)>\n\n"
    "[click](javascript:alert(2))"
)
CREATE = reverse("announcements:create")


def _assert_inert(html: str) -> None:
    """No injected element or attribute survived; the text may show, escaped."""
    assert "<script>alert(" not in html
    assert re.search(r"<img[^>]*onerror", html) is None
    assert 'href="javascript:' not in html


@pytest.fixture
def sent(teacher_client, school, course, django_capture_on_commit_callbacks):
    preview = teacher_client.post(
        CREATE, {"course": course.pk, "subject": SUBJECT, "body": BODY}
    )
    draft = re.search(r'name="draft" value="([^"]+)"', preview.content.decode())[1]
    with django_capture_on_commit_callbacks(execute=True):
        teacher_client.post(reverse("announcements:send"), {"draft": draft})
    return preview


def test_the_preview_escapes_the_subject_and_sanitizes_the_message(sent):
    html = sent.content.decode()

    _assert_inert(html)
    assert "&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; Hi" in html


def test_the_stored_html_is_sanitized(sent):
    announcement = Announcement.objects.get()

    _assert_inert(announcement.body_html)
    assert announcement.subject == SUBJECT  # kept as written, escaped when shown


def test_the_list_and_the_page_escape_it(sent, teacher_client):
    announcement = Announcement.objects.get()
    pages = [
        teacher_client.get(reverse("announcements:index")),
        teacher_client.get(reverse("announcements:inspect", args=[announcement.pk])),
    ]

    for response in pages:
        html = response.content.decode()
        _assert_inert(html)
        assert "&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt;" in html


def test_the_email_escapes_it(sent):
    message = mail.outbox[0]
    html = message.alternatives[0].content

    _assert_inert(html)
    assert "&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; Hi" in html
    assert message.subject == SUBJECT  # a header is plain text
