"""No hours without an approval, and completion versus CE.

A certificate awards CE hours only under an approval that covers the course's
format and is valid on the completion date; it then prints the approval's
period and statement. Otherwise the learner gets a certificate of completion
that says plainly no CE credit is awarded. A course without CE hours issues a
certificate of completion with no hours line, off the CE transcript, and its
evaluation is optional. The instructor is warned in the course editor and on
the admin home before an approval lapses.
"""

from __future__ import annotations

import html
import io
import re
from datetime import timedelta
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from courses.completion import course_completion_facts
from courses.models import (
    CECredit,
    Certificate,
    CourseEvaluation,
    CourseFormat,
)
from courses.selectors import learner_transcript
from courses.services import course_completion_attempt
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    BODY_NAME,
    PROVIDER_NUMBER,
    STATEMENT,
    ce_course_build,
    enroll,
    evaluate,
    evaluation_post,
    final_take,
    lessons_complete,
    profile_fill,
)

pytestmark = pytest.mark.django_db

NO_CREDIT = "No CE credit is awarded."


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def page_text(response) -> str:
    return squash(response.content.decode())


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return squash(" ".join(page.extract_text() or "" for page in reader.pages))


def day(value) -> str:
    return f"{value:%B} {value.day}, {value.year}"


@pytest.fixture
def learner_user(db):
    return UserFactory(email="clinician@example.com")


@pytest.fixture
def owner_client(learner_user) -> Client:
    client = Client()
    client.force_login(learner_user)
    return client


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


def finish(user, ce, *, evaluation: bool = True) -> Certificate | None:
    """Every step of the course, through the services, as the views take them."""
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    final_take(user, ce)
    if evaluation:
        evaluate(user, ce)
    return course_completion_attempt(user=user, course=ce.course)


def lapse(approval, *, days_ago: int = 1) -> None:
    today = timezone.localdate()
    approval.period_start = today - timedelta(days=700)
    approval.period_end = today - timedelta(days=days_ago)
    approval.save()


# Issued under a valid approval ----------------------------------------------------


def test_a_certificate_under_a_valid_approval_prints_its_period_and_statement(
    learner_user, owner_client, ce
):
    certificate = finish(learner_user, ce)
    start, end = day(ce.approval.period_start), day(ce.approval.period_end)

    assert certificate.ce_credit == CECredit.AWARDED
    assert certificate.ce_hours == Decimal("3.00")
    assert certificate.approvals[0]["period_start"] == (
        ce.approval.period_start.isoformat()
    )
    detail = page_text(
        owner_client.get(reverse("certificate_detail", args=[certificate.serial]))
    )
    assert "Certificate of continuing education" in detail
    assert f"Approval period: {start} – {end}" in detail
    assert STATEMENT in detail
    assert PROVIDER_NUMBER in detail
    verify = page_text(
        Client().get(reverse("certificate_verify", args=[certificate.serial]))
    )
    assert f"Approval period: {start} – {end}" in verify
    assert BODY_NAME in verify
    pdf = pdf_text(
        owner_client.get(reverse("certificate_pdf", args=[certificate.serial])).content
    )
    assert start in pdf
    assert end in pdf
    assert STATEMENT in pdf
    assert "CE hours" in pdf


def test_the_period_printed_is_the_one_at_issue(learner_user, owner_client, ce):
    certificate = finish(learner_user, ce)
    issued_end = ce.approval.period_end

    # The instructor renews the approval afterwards
    ce.approval.period_end = issued_end + timedelta(days=900)
    ce.approval.save()

    detail = page_text(
        owner_client.get(reverse("certificate_detail", args=[certificate.serial]))
    )
    assert day(issued_end) in detail
    assert day(ce.approval.period_end) not in detail


def test_a_corrected_copy_keeps_the_credit_decision_and_period(learner_user, ce):
    from courses.services import certificate_reissue

    lapse(ce.approval)
    original = finish(learner_user, ce)

    copy = certificate_reissue(certificate=original)

    assert copy.ce_credit == CECredit.NOT_APPROVED
    assert copy.ce_hours == 0
    assert copy.approvals == original.approvals == []


# Issued after the approval lapsed ---------------------------------------------------


def test_after_the_approval_lapsed_no_hours_are_awarded_and_it_says_so(
    learner_user, owner_client, ce
):
    lapse(ce.approval)

    certificate = finish(learner_user, ce)

    assert certificate is not None
    assert certificate.ce_credit == CECredit.NOT_APPROVED
    assert certificate.ce_hours == 0
    assert certificate.credits == []
    assert certificate.approvals == []
    detail = page_text(
        owner_client.get(reverse("certificate_detail", args=[certificate.serial]))
    )
    assert "Certificate of completion" in detail
    assert NO_CREDIT in detail
    assert "No approval covering this course's format was valid" in detail
    assert "CE hours 3" not in detail
    assert STATEMENT not in detail
    verify = page_text(
        Client().get(reverse("certificate_verify", args=[certificate.serial]))
    )
    assert "None awarded" in verify
    pdf = pdf_text(
        owner_client.get(reverse("certificate_pdf", args=[certificate.serial])).content
    )
    assert "Certificate of Completion" in pdf
    assert "No CE credit is awarded" in pdf
    assert learner_transcript(user=learner_user).certificates == []


def test_an_approval_that_does_not_cover_the_format_awards_no_hours(learner_user, ce):
    ce.approval.formats = [CourseFormat.LIVE_WEBINAR]
    ce.approval.save()

    certificate = finish(learner_user, ce)

    assert certificate.ce_credit == CECredit.NOT_APPROVED
    assert certificate.ce_hours == 0


def test_an_approval_valid_on_the_completion_date_counts(learner_user, ce):
    # The approval's last day is today: a completion today still earns the hours
    ce.approval.period_end = timezone.localdate()
    ce.approval.save()

    certificate = finish(learner_user, ce)

    assert certificate.ce_credit == CECredit.AWARDED
    assert certificate.ce_hours == Decimal("3.00")


# The instructor is warned before it lapses ---------------------------------------


def editor_text(client, course) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    return page_text(response)


def test_the_editor_warns_of_an_approval_ending_within_60_days(instructor_client, ce):
    ce.approval.period_end = timezone.localdate() + timedelta(days=45)
    ce.approval.save()

    text = editor_text(instructor_client, ce.course)

    assert "Check the CE approvals before learners finish this course" in text
    assert f"ends on {day(ce.approval.period_end)}, in 45 days" in text
    assert "learners who complete the course get no CE hours" in text


def test_the_editor_says_nothing_when_the_approval_runs_past_60_days(
    instructor_client, ce
):
    ce.approval.period_end = timezone.localdate() + timedelta(days=61)
    ce.approval.save()

    text = editor_text(instructor_client, ce.course)

    assert "Check the CE approvals" not in text


def test_the_editor_warns_of_ce_hours_without_a_valid_approval(instructor_client, ce):
    lapse(ce.approval)

    text = editor_text(instructor_client, ce.course)

    assert "claims 3 CE hours, but no approval covering its format" in text
    assert "awards no CE hours" in text


def test_the_dashboard_warns_before_the_approval_lapses(instructor_client, ce):
    ce.approval.period_end = timezone.localdate() + timedelta(days=30)
    ce.approval.save()

    home = page_text(instructor_client.get("/admin/"))

    assert "CE hours at risk" in home
    assert "end within 60 days" in home
    assert str(ce.approval) in home
    assert "in 30 days" in home
    assert ce.course.title in home


def test_the_dashboard_lists_a_live_ce_course_without_a_valid_approval(
    instructor_client, ce
):
    lapse(ce.approval)

    home = page_text(instructor_client.get("/admin/"))

    assert "CE hours at risk" in home
    assert "no approval covering their format is valid today" in home
    assert ce.course.title in home


def test_the_dashboard_is_quiet_when_every_approval_is_well_in_date(
    instructor_client, ce
):
    home = page_text(instructor_client.get("/admin/"))

    assert "CE hours at risk" not in home


# A course without CE hours ---------------------------------------------------------


@pytest.fixture
def free(course_index):
    return ce_course_build(parent=course_index, with_ce=False, slug="free-records")


def test_a_no_ce_course_issues_a_certificate_of_completion_without_evaluation(
    learner_user, owner_client, free
):
    # The last required item completed issues it: no evaluation was asked for
    certificate = finish(learner_user, free, evaluation=False)

    assert certificate is not None
    assert certificate.ce_credit == CECredit.NONE
    assert certificate.ce_hours == 0
    assert not CourseEvaluation.objects.exists()
    facts = course_completion_facts(user=learner_user, course=free.course)
    assert "Submit the course evaluation." not in facts.missing
    detail = page_text(
        owner_client.get(reverse("certificate_detail", args=[certificate.serial]))
    )
    assert "Certificate of completion" in detail
    assert "CE hours" not in detail
    assert NO_CREDIT not in detail  # nothing was claimed: nothing to deny
    assert "Evaluate the course (optional)" in detail
    pdf = pdf_text(
        owner_client.get(reverse("certificate_pdf", args=[certificate.serial])).content
    )
    assert "Certificate of Completion" in pdf
    assert "CE hours" not in pdf


def test_a_no_ce_certificate_is_not_on_the_transcript(learner_user, owner_client, free):
    certificate = finish(learner_user, free, evaluation=False)

    assert learner_transcript(user=learner_user).certificates == []
    transcript = page_text(owner_client.get(reverse("transcript")))
    assert certificate.serial not in transcript
    assert free.course.title not in transcript
    csv_body = owner_client.get(reverse("transcript_csv")).content.decode()
    assert certificate.serial not in csv_body


def test_a_no_ce_course_still_accepts_the_optional_evaluation(
    learner_user, owner_client, free
):
    certificate = finish(learner_user, free, evaluation=False)
    url = reverse("course_evaluation", args=[free.course.pk])

    form = owner_client.get(url)
    response = owner_client.post(url, evaluation_post(free))

    assert form.status_code == 200
    assert "this evaluation is optional" in page_text(form)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certificate_detail", args=[certificate.serial]
    )
    assert CourseEvaluation.objects.get().relevance == 5
    assert Certificate.objects.count() == 1
    # Evaluated once: the page now leads to the certificate
    assert owner_client.get(url).status_code == 302


def test_a_half_answered_optional_evaluation_rerenders_with_a_message(
    learner_user, owner_client, free
):
    finish(learner_user, free, evaluation=False)
    url = reverse("course_evaluation", args=[free.course.pk])

    response = owner_client.post(url, {"relevance": "4"})

    assert response.status_code == 200
    assert "once you start it, answer this question too" in page_text(response)
    assert not CourseEvaluation.objects.exists()


def test_a_no_ce_learner_without_a_name_confirms_it_and_skips_the_evaluation(
    learner_user, owner_client, free
):
    enroll(learner_user, free)
    lessons_complete(learner_user, free)
    final_take(learner_user, free)
    assert not Certificate.objects.exists()  # the name to print is missing

    response = owner_client.post(
        reverse("course_evaluation", args=[free.course.pk]),
        {"name_on_certificate": "Maria L. Gómez"},
    )

    certificate = Certificate.objects.get()
    assert response.status_code == 302
    assert certificate.learner_name == "Maria L. Gómez"
    assert certificate.ce_credit == CECredit.NONE
    assert not CourseEvaluation.objects.exists()


def test_a_ce_course_still_requires_the_evaluation(learner_user, ce):
    assert finish(learner_user, ce, evaluation=False) is None

    facts = course_completion_facts(user=learner_user, course=ce.course)
    assert facts.missing == ["Submit the course evaluation."]
    assert not Certificate.objects.exists()


# The course page ------------------------------------------------------------------


def test_the_course_page_shows_learners_only_approvals_that_award_the_hours(
    client, instructor_client, ce
):
    ce.approval.formats = [CourseFormat.LIVE_WEBINAR]
    ce.approval.save()

    visitor = page_text(client.get(ce.course.url))
    editor = page_text(instructor_client.get(ce.course.url))

    assert BODY_NAME not in visitor
    assert "No CE approval covers this course today" in visitor
    assert BODY_NAME in editor
    assert "Does not cover this course's format" in editor


def test_the_email_says_no_ce_credit_when_the_approval_lapsed(
    learner_user, ce, django_capture_on_commit_callbacks
):
    from django.core import mail

    lapse(ce.approval)

    with django_capture_on_commit_callbacks(execute=True):
        finish(learner_user, ce)

    (message,) = mail.outbox
    assert "certificate of completion is ready" in message.body
    assert "It awards no CE credit" in message.body
    assert "CE hours is ready" not in message.body


def test_the_admin_certificate_list_filters_by_ce_credit(
    instructor_client, learner_user, course_index
):
    free = ce_course_build(parent=course_index, with_ce=False, slug="free-records")
    certificate = finish(learner_user, free, evaluation=False)

    awarded = instructor_client.get(
        reverse("ce_certificates:index"), {"ce_credit": CECredit.AWARDED}
    )
    none = instructor_client.get(
        reverse("ce_certificates:index"), {"ce_credit": CECredit.NONE}
    )

    assert certificate.serial not in awarded.content.decode()
    assert certificate.serial in none.content.decode()
