"""Every link we send out follows SITE_URL (defect 6: ``PORT=8201 make run``).

The enrollment and receipt email (order confirmation), the certificate email
and the transcript PDF's footer are built away from any request: their links
come from ``core.site_url``, never from the request's host or a fixed :8000.
"""

from __future__ import annotations

import io
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from courses.services import course_completion_attempt
from courses.tasks import certificate_issued_send
from payments.models import Order
from payments.tasks import order_confirmation_send
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluate,
    final_take,
    lessons_complete,
    profile_fill,
)

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8201"


@pytest.fixture(autouse=True)
def site_8201(settings):
    settings.SITE_URL = SITE


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def assert_all_on_site(message) -> None:
    (html, _mimetype), *_ = message.alternatives
    links = links_in(message.body) + links_in(html)
    assert links, "the email carries no link"
    assert all(link.startswith(SITE + "/") or link == SITE for link in links), links


def test_the_enrollment_and_receipt_email_links_follow_site_url(
    paid_course, mailoutbox
):
    # Given a paid order (the email that enrolls and links the receipt)
    order = Order.objects.create(
        user=UserFactory(),
        course=paid_course,
        amount=14900,
        currency="usd",
        amount_paid=14900,
        paid_at=timezone.now(),
    )

    # When its confirmation is sent
    order_confirmation_send.enqueue(order.pk)

    # Then the course and receipt links are on :8201
    (message,) = mailoutbox
    assert f"{SITE}{paid_course.url}" in message.body
    assert f"{SITE}{reverse('payments:receipt', args=[order.pk])}" in message.body
    assert_all_on_site(message)


@pytest.fixture
def certified(course_index, mailoutbox):
    """A learner holding one certificate (its own email cleared)."""
    user = UserFactory()
    ce = ce_course_build(parent=course_index)
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    final_take(user, ce)
    evaluate(user, ce)
    certificate = course_completion_attempt(user=user, course=ce.course)
    mailoutbox.clear()
    return certificate


def test_the_certificate_email_links_follow_site_url(certified, mailoutbox):
    certificate_issued_send.enqueue(certified.pk)

    (message,) = mailoutbox
    verify = reverse("certificate_verify", args=[certified.serial])
    assert f"{SITE}{verify}" in message.body
    assert_all_on_site(message)


def test_the_transcript_pdf_footer_follows_site_url(certified):
    # Given a learner with a certificate, asking from another host and port
    client = Client()
    client.force_login(certified.enrollment.user)

    # When they download their transcript
    response = client.get(reverse("transcript_pdf"), HTTP_HOST="localhost:8000")

    # Then its footer sends the reader to :8201 to check a serial
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    text = re.sub(r"\s+", "", text)  # the PDF may break the address anywhere
    assert "127.0.0.1:8201/certificates/verify/" in text
    assert ":8000" not in text
