"""A certificate's admin page reads as a document, not as stored data."""

from __future__ import annotations

import datetime
import html
from decimal import Decimal

from django.urls import reverse

import pytest

from courses.models import Certificate, CertificateStatus, Enrollment

STATEMENT = "This course is approved by the fictional Test Board for 20 CE hours."


def _certificate(enrollment, **overrides) -> Certificate:
    fields = {
        "enrollment": enrollment,
        "serial": "PRC-AAAA-BBBB",
        "learner_name": "Maria L. Gómez, LCSW",
        "license_type": "LCSW",
        "license_number": "LCSW-12345",
        "license_state": "CA",
        "course_title": "Mitigation 101",
        "completed_on": datetime.date(2026, 3, 1),
        "ce_hours": Decimal("20.00"),
        "credits": [["General", "17.00"], ["Ethics", "3.00"]],
        "approvals": [
            {
                "body": "Test Board of Behavioral Health",
                "provider_number": "TB-0042",
                "statement": STATEMENT,
            }
        ],
        "provider_name": "Practicum Academy",
        "post_test_score": 90,
    }
    fields.update(overrides)
    return Certificate.objects.create(**fields)


@pytest.fixture
def original(course, enrolled_learner) -> Certificate:
    enrollment = Enrollment.objects.get(user=enrolled_learner, course=course)
    return _certificate(enrollment)


def _page(client, certificate) -> str:
    response = client.get(reverse("ce_certificates:inspect", args=[certificate.pk]))
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    # The main content, without the admin's own scripts and menus.
    return " ".join(content.split('class="nice-padding"', 1)[1].split())


def test_inspect_reads_as_a_document(instructor_client, original):
    content = _page(instructor_client, original)

    assert "General: 17.00 h" in content
    assert "Ethics: 3.00 h" in content
    assert "Test Board of Behavioral Health" in content
    assert "Provider number TB-0042" in content
    assert STATEMENT in content
    assert "CE hours" in content
    assert "Post-test score" in content
    assert "90%" in content
    assert "enrolled@example.com" in content


def test_inspect_prints_no_python(instructor_client, original):
    content = _page(instructor_client, original)

    for python in ("[[", "{'", "None", "Ce hours", "Replaces"):
        assert python not in content
    assert "Corrects certificate" not in content  # an original corrects nothing


def test_a_corrected_copy_names_the_certificate_it_corrects(
    instructor_client, original
):
    original.status = CertificateStatus.REISSUED
    original.save()
    copy = _certificate(original.enrollment, serial="PRC-CCCC-DDDD", replaces=original)

    copy_page = _page(instructor_client, copy)
    original_page = _page(instructor_client, original)

    original_url = reverse("ce_certificates:inspect", args=[original.pk])
    assert (
        f'<dt>Corrects certificate</dt> <dd><a href="{original_url}">PRC-AAAA-BBBB</a>'
        in copy_page
    )
    assert "Replaced by a corrected copy" in original_page
    assert "PRC-CCCC-DDDD" in original_page


def test_the_field_labels_are_plain_english():
    labels = {
        f.name: str(f.verbose_name)
        for f in Certificate._meta.get_fields()
        if hasattr(f, "verbose_name")
    }

    assert labels["ce_hours"] == "CE hours"
    assert labels["post_test_score"] == "post-test score (%)"
    assert labels["replaces"] == "corrects certificate"
