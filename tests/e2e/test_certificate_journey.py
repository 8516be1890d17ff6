"""A learner finishes a CE course in the browser and checks the certificate.

Our own small CE course in the live server's database (tests/courses/
ce_support.py): two lessons, an optional reading and a final post-test. The
learner has done the lessons and passed the post-test (through the services);
in the browser they open the evaluation, answer it and confirm their license,
land on their certificate, download its PDF and open its verification link,
which says the certificate is valid.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def finished(course_index):
    """A learner who has done everything but the evaluation, profile empty."""
    from tests.accounts.factories import UserFactory
    from tests.courses.ce_support import (
        ce_course_build,
        enroll,
        final_take,
        lessons_complete,
    )

    ce = ce_course_build(parent=course_index)
    user = UserFactory(email="journey@example.com")
    enroll(user, ce)
    lessons_complete(user, ce)
    final_take(user, ce)
    return user, ce


def log_in(context, base_url: str, user) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def test_finish_evaluate_download_and_verify(live_server, page, finished, tmp_path):
    from pypdf import PdfReader

    from courses.models import Certificate
    from tests.courses.ce_support import COURSE_TITLE, LICENSE_NUMBER, OBJECTIVES

    user, ce = finished
    log_in(page.context, live_server.url, user)

    # The evaluation: every objective, the ratings, the hours and the license.
    page.goto(f"{live_server.url}/evaluation/{ce.course.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    for index in range(len(OBJECTIVES)):
        page.locator(f'input[name="objective_{index}"][value="5"]').check()
    for name in ("relevance", "content_quality", "instructor_effectiveness"):
        page.locator(f'input[name="{name}"][value="4"]').check()
    page.locator('input[name="hours_spent"]').fill("3")
    page.locator('textarea[name="comments"]').fill("Clear and practical.")
    page.locator('input[name="name_on_certificate"]').fill("Maria L. Gómez, LCSW")
    page.locator('input[name="license_type"]').fill("LCSW")
    page.locator('input[name="license_number"]').fill(LICENSE_NUMBER)
    page.locator('select[name="license_state"]').select_option("TX")
    page.get_by_role("button", name=re.compile("Submit the evaluation")).click()

    # Lands on the certificate.
    certificate = Certificate.objects.get(enrollment__user=user)
    expect(page).to_have_url(
        re.compile(re.escape(f"/certificates/{certificate.serial}/") + "$")
    )
    expect(page.locator("main")).to_contain_text(COURSE_TITLE)
    expect(page.locator("main")).to_contain_text("Maria L. Gómez, LCSW")
    expect(page.locator("main")).to_contain_text(certificate.serial)

    # Downloads the PDF.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download the PDF")).click()
    download = download_info.value
    assert download.suggested_filename == f"certificate-{certificate.serial}.pdf"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    text = " ".join(p.extract_text() or "" for p in PdfReader(path).pages)
    assert certificate.serial in text
    assert COURSE_TITLE in re.sub(r"\s+", " ", text)

    # Opens the verification link printed on the page.
    verify = page.locator(f'a[href$="/certificates/verify/{certificate.serial}/"]')
    expect(verify.first).to_be_visible()
    verify.first.click()
    expect(page).to_have_url(
        re.compile(re.escape(f"/certificates/verify/{certificate.serial}/") + "$")
    )
    expect(page.locator("main")).to_contain_text("Valid")
    expect(page.locator("main")).to_contain_text(COURSE_TITLE)
    expect(page.locator("main")).not_to_contain_text(LICENSE_NUMBER)
