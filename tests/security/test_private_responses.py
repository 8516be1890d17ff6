"""Responses that depend on who asks are never stored by shared caches.

A CDN that caches PDFs or CSVs by extension must not hand one learner's
transcript, certificate or paid handout to the next visitor: every response
for a signed-in person (and every admin page) says ``Cache-Control: private,
no-store``, and a paid document carries no validators (``ETag``,
``Last-Modified``). Public pages for a visitor stay cacheable.

The owner below has a CE certificate (a free CE course), an enrollment in a
paid course with a lesson that attaches a handout, and a paid order for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import Certificate, EnrollmentSource
from courses.services import course_completion_attempt, enrollment_grant
from payments.models import Order, OrderStatus
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluate,
    final_take,
    lessons_complete,
    profile_fill,
)
from tests.courses.factories import ModulePageFactory
from tests.lessons.factories import (
    DocumentFactory,
    LessonPageFactory,
    body_marker,
    paragraph,
)

pytestmark = pytest.mark.django_db


@dataclass
class Owner:
    client: Client
    certificate: Certificate
    order: Order
    paid_lesson: object
    handout: object


@pytest.fixture
def owner(course_index, paid_course) -> Owner:
    user = UserFactory(email="owner@example.com")
    ce = ce_course_build(parent=course_index)
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    final_take(user, ce)
    evaluate(user, ce)
    certificate = course_completion_attempt(user=user, course=ce.course)
    assert certificate is not None

    handout = DocumentFactory(
        title="Paid handout",
        file__data=b"DOCUMENT-BYTES: paid handout\n",
        file__filename="paid-handout.txt",
    )
    module = ModulePageFactory(parent=paid_course, slug="paid-module")
    paid_lesson = LessonPageFactory(
        parent=module,
        slug="paid-lesson",
        body=[
            *paragraph(body_marker("paid-lesson")),
            ("document", {"document": handout, "description": "Read first."}),
        ],
    )
    order = Order.objects.create(
        user=user,
        course=paid_course,
        amount=14900,
        currency="usd",
        amount_paid=14900,
        status=OrderStatus.PAID,
        paid_at=timezone.now(),
        is_test=True,
    )
    enrollment_grant(user=user, course=paid_course, source=EnrollmentSource.PURCHASE)

    client = Client()
    client.force_login(user)
    return Owner(
        client=client,
        certificate=certificate,
        order=order,
        paid_lesson=paid_lesson,
        handout=handout,
    )


def _owner_urls(owner: Owner) -> list[str]:
    serial = owner.certificate.serial
    return [
        reverse("dashboard"),
        reverse("payments:orders"),
        reverse("payments:receipt", args=[owner.order.pk]),
        reverse("transcript"),
        reverse("transcript_csv"),
        reverse("transcript_pdf"),
        reverse("certificate_detail", args=[serial]),
        reverse("certificate_pdf", args=[serial]),
        reverse("profile_edit"),
        reverse("account_delete"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("mfa_index"),
        reverse("usersessions_list"),
        owner.paid_lesson.get_parent().get_parent().url,  # the course, as a learner
        owner.paid_lesson.get_parent().url,  # its module
        owner.paid_lesson.url,
        owner.handout.url,
        "/",  # even a public page, once signed in, shows who is signed in
    ]


def _assert_private(response, url: str) -> None:
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control, (url, cache_control)
    assert "no-store" in cache_control, (url, cache_control)
    assert "public" not in cache_control, (url, cache_control)


def test_every_page_of_a_signed_in_learner_is_private(owner):
    # Given a learner with a certificate, an order and a paid lesson
    for url in _owner_urls(owner):
        # When they open each of their pages and downloads
        response = owner.client.get(url)

        # Then it is answered, and no shared cache may keep it
        assert response.status_code == 200, (url, response.status_code)
        _assert_private(response, url)


def test_a_paid_document_carries_no_validators(owner):
    # When the enrolled learner downloads the paid lesson's handout
    response = owner.client.get(owner.handout.url)

    # Then it is served privately, without ETag or Last-Modified
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"DOCUMENT-BYTES: paid handout\n"
    _assert_private(response, owner.handout.url)
    assert "ETag" not in response
    assert "Last-Modified" not in response


def test_admin_pages_are_private(instructor_client, home_page):
    # When the instructor opens the admin dashboard and a listing
    for url in ("/admin/", "/admin/pages/"):
        response = instructor_client.get(url)

        # Then no shared cache may keep them
        assert response.status_code == 200, url
        _assert_private(response, url)


def test_the_admin_login_page_is_private_for_a_visitor(client, home_page):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    _assert_private(response, "/admin/login/")


def test_public_pages_for_a_visitor_stay_cacheable(client, course, paid_course):
    # Given a visitor without a session
    for url in ("/", course.get_parent().url, paid_course.url, course.url):
        # When they open a public page
        response = client.get(url)

        # Then nothing marks it private: a visitor page cache still works
        assert response.status_code == 200, url
        cache_control = response.get("Cache-Control", "")
        assert "private" not in cache_control, (url, cache_control)
        assert "no-store" not in cache_control, (url, cache_control)
