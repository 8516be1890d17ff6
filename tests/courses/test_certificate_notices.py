"""The learner is told when their certificate is revoked or corrected.

Sent once after commit (through the tasks framework), with a text and an HTML
part, links on SITE_URL; nothing when the service changes nothing.
"""

from __future__ import annotations

import pytest

from courses.models import Certificate
from courses.services import (
    certificate_reissue,
    certificate_revoke,
    course_completion_attempt,
)
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    COURSE_TITLE,
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


@pytest.fixture
def clinician(db):
    return UserFactory(email="clinician@example.com")


@pytest.fixture
def certificate(clinician, course_index, mailoutbox) -> Certificate:
    ce = ce_course_build(parent=course_index)
    enroll(clinician, ce)
    profile_fill(clinician)
    lessons_complete(clinician, ce)
    final_take(clinician, ce)
    evaluate(clinician, ce)
    certificate = course_completion_attempt(user=clinician, course=ce.course)
    mailoutbox.clear()  # the "certificate issued" email is not under test here
    return certificate


def html_of(message) -> str:
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


# Revoked --------------------------------------------------------------------------


def test_a_revoked_certificate_is_announced_once_after_commit(
    certificate, clinician, mailoutbox, django_capture_on_commit_callbacks
):
    # When the instructor revokes the certificate
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, reason="Attendance not verified")
        assert mailoutbox == []  # nothing before the commit

    # Then the learner gets one email naming it, the reason and what it means
    (message,) = mailoutbox
    assert message.to == [clinician.email]
    assert COURSE_TITLE in message.subject
    for text in (message.body, html_of(message)):
        assert certificate.serial in text
        assert "Attendance not verified" in text
        assert f"{SITE}/certificates/verify/{certificate.serial}/" in text
        assert "academy@example.com" in text  # whom to write to
    assert "now sees that it is revoked" in message.body


def test_revoking_a_revoked_certificate_sends_nothing(
    certificate, mailoutbox, django_capture_on_commit_callbacks
):
    # Given a certificate already revoked (and announced)
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, reason="First time")
    mailoutbox.clear()

    # When it is revoked again, it is refused, and nothing is sent
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValueError),
    ):
        certificate_revoke(certificate=certificate, reason="Second time")
    assert callbacks == []
    assert mailoutbox == []


# Corrected copy --------------------------------------------------------------------


def test_a_corrected_copy_is_sent_once_after_commit(
    certificate, clinician, mailoutbox, django_capture_on_commit_callbacks
):
    # Given the learner corrected the name to print
    profile_fill(clinician, name_on_certificate="Maria Gómez-Ruiz, LCSW")

    # When the instructor issues a corrected copy
    with django_capture_on_commit_callbacks(execute=True):
        copy = certificate_reissue(certificate=certificate)
        assert mailoutbox == []

    # Then the learner gets the new certificate, saying which serial it replaces
    (message,) = mailoutbox
    assert message.to == [clinician.email]
    assert COURSE_TITLE in message.subject
    for text in (message.body, html_of(message)):
        assert copy.serial in text
        assert f"replaces {certificate.serial}" in text
        assert "Maria Gómez-Ruiz, LCSW" in text
        assert f"{SITE}/certificates/{copy.serial}/" in text
        assert f"{SITE}/certificates/verify/{copy.serial}/" in text
        assert f"{SITE}/certificates/{certificate.serial}/" not in text


def test_reissuing_a_replaced_certificate_sends_nothing(
    certificate, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate_reissue(certificate=certificate)
    mailoutbox.clear()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValueError),
    ):
        certificate_reissue(certificate=certificate)  # the original, now replaced
    assert callbacks == []
    assert mailoutbox == []
