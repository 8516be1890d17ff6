"""A finished course leads to its evaluation or certificate, never back to lesson 1.

The course page and "My learning" offer, once every required item is done:
the evaluation while it is owed, then the certificate (the newest corrected
copy), or say that the certificate was revoked (no link to it); and "Review
the course" instead of "Continue learning".
"""

from __future__ import annotations

import html
import io
import re

from django.test import Client
from django.urls import reverse

import pytest
from pypdf import PdfReader

from courses.models import Certificate
from courses.services import (
    certificate_reissue,
    certificate_revoke,
    course_completion_attempt,
)
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


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def clinician(ce):
    user = UserFactory(email="clinician@example.com")
    enroll(user, ce)
    return user


@pytest.fixture
def client_for(clinician) -> Client:
    client = Client()
    client.force_login(clinician)
    return client


@pytest.fixture
def finished(clinician, ce):
    """Every required item done and the post-test passed; evaluation owed."""
    lessons_complete(clinician, ce)
    final_take(clinician, ce)
    return ce


@pytest.fixture
def certificate(clinician, finished) -> Certificate:
    profile_fill(clinician)
    evaluate(clinician, finished)
    certificate = course_completion_attempt(user=clinician, course=finished.course)
    assert certificate is not None
    return certificate


def evaluation_url(ce) -> str:
    return reverse("course_evaluation", args=[ce.course.pk])


def certificate_url(certificate) -> str:
    return reverse("certificate_detail", args=[certificate.serial])


def review_link(ce) -> str:
    return f'href="{ce.lessons[0].url}">Review the course'


# The course page ------------------------------------------------------------------


def test_the_course_page_of_a_course_in_progress_still_continues(
    client_for, clinician, ce
):
    lessons_complete(clinician, ce)

    text = text_of(client_for.get(ce.course.url))

    assert f'href="{ce.optional.url}">Continue learning' in text
    assert "Review the course" not in text


def test_a_finished_course_page_leads_to_the_evaluation(client_for, finished):
    # Given a learner who finished every item but has not evaluated the course
    # When they open the course page
    text = text_of(client_for.get(finished.course.url))

    # Then it says what is left and leads there, and offers a review instead
    assert "You have finished the course." in text
    assert f'href="{evaluation_url(finished)}"' in text
    assert review_link(finished) in text
    assert "Continue learning" not in text


def test_a_certified_course_page_leads_to_the_certificate(
    client_for, finished, certificate
):
    text = text_of(client_for.get(finished.course.url))

    assert f'href="{certificate_url(certificate)}">View your certificate' in text
    assert review_link(finished) in text
    assert "Continue learning" not in text


def test_a_revoked_certificate_is_not_offered_on_the_course_page(
    client_for, finished, certificate
):
    certificate_revoke(certificate=certificate, reason="Issued in error")

    text = text_of(client_for.get(finished.course.url))

    assert "Certificate revoked" in text
    assert certificate_url(certificate) not in text
    assert "View your certificate" not in text
    assert "Continue learning" not in text


# My learning ----------------------------------------------------------------------


def test_the_dashboard_leads_a_finished_course_to_the_evaluation(client_for, finished):
    text = text_of(client_for.get("/dashboard/"))

    assert f'href="{evaluation_url(finished)}"' in text
    assert "Evaluate the course and get your certificate" in text
    assert review_link(finished) in text
    assert ">Continue<" not in text


def test_the_dashboard_offers_a_certified_course_its_certificate(
    client_for, finished, certificate
):
    text = text_of(client_for.get("/dashboard/"))

    assert f'href="{certificate_url(certificate)}">View certificate' in text
    assert review_link(finished) in text
    assert ">Continue<" not in text


def test_the_dashboard_shows_a_revoked_certificate_without_a_link(
    client_for, finished, certificate
):
    # Given a certificate the instructor revoked
    certificate_revoke(certificate=certificate, reason="Issued in error")

    # When the learner opens their dashboard
    text = text_of(client_for.get("/dashboard/"))

    # Then the card says so, and offers neither the certificate nor the evaluation
    assert "Certificate revoked" in text
    assert "View certificate" not in text
    assert certificate_url(certificate) not in text
    assert evaluation_url(finished) not in text


def test_the_dashboard_offers_the_corrected_copy(client_for, finished, certificate):
    # Given a certificate replaced by a corrected copy
    copy = certificate_reissue(certificate=certificate)

    text = text_of(client_for.get("/dashboard/"))

    assert f'href="{certificate_url(copy)}">View certificate' in text
    assert certificate_url(certificate) not in text
    assert "Certificate revoked" not in text


# The revoked certificate's own pages ------------------------------------------------


def test_a_revoked_certificates_page_says_so_and_offers_no_download(
    client_for, certificate
):
    # Given a revoked certificate, opened from an old email or bookmark
    certificate_revoke(certificate=certificate, reason="Issued in error")

    # When the learner opens its page
    response = client_for.get(certificate_url(certificate))

    # Then it says it was revoked and why, and offers no PDF to download
    text = text_of(response)
    assert "This certificate has been revoked." in text
    assert "Reason: Issued in error" in text
    assert reverse("certificate_pdf", args=[certificate.serial]) not in text


def test_a_revoked_certificates_pdf_is_stamped_revoked(client_for, certificate):
    certificate_revoke(certificate=certificate, reason="Issued in error")

    response = client_for.get(reverse("certificate_pdf", args=[certificate.serial]))

    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "REVOKED" in text
    assert "no longer valid" in text
