"""Policies approvers require: accommodation requests and grievances.

Signed-in learners file them through a form that re-renders with messages;
each is recorded (open), acknowledged by email after commit, and answered by
the instructor in the admin, where it reads as a document; the answer is
emailed. Every course page and certificate page, and the footer, link to the
policies and forms.
"""

from __future__ import annotations

import html
import re

from django.core import mail
from django.urls import reverse

import pytest

from courses.models import LearnerRequest, LearnerRequestKind, LearnerRequestStatus
from courses.services import course_completion_attempt, learner_request_submit
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

GRIEVANCE_URL = "/requests/grievance/"
ACCOMMODATION_URL = "/requests/accommodation/"
MESSAGE = "The post-test timed out twice while I was answering.\nPlease help."


def text_of(response) -> str:
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


# The learner's forms --------------------------------------------------------------


@pytest.mark.parametrize("url", [GRIEVANCE_URL, ACCOMMODATION_URL])
def test_a_visitor_is_sent_to_log_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_an_unknown_kind_is_not_found(learner_client):
    assert learner_client.get("/requests/complaint-box/").status_code == 404


def test_the_form_has_labelled_fields_and_links_the_policy(learner_client, course):
    response = learner_client.get(ACCOMMODATION_URL, {"course": course.pk})

    assert response.status_code == 200
    body = response.content.decode()
    text = text_of(response)
    assert "Request an accommodation" in text
    assert '<label for="id_message">Your message</label>' in body
    assert '<label for="id_course">Course (optional)</label>' in body
    assert f'<option value="{course.pk}" selected>' in body
    assert 'href="/accommodations/"' in body
    assert "no-store" in response["Cache-Control"]


def test_an_empty_message_rerenders_with_a_message(learner_client, course):
    response = learner_client.post(GRIEVANCE_URL, {"course": "", "message": "   "})

    assert response.status_code == 200
    text = text_of(response)
    assert "There is a problem" in text
    assert "Write your message: it cannot be empty." in text
    assert not LearnerRequest.objects.exists()
    assert mail.outbox == []


def test_a_grievance_is_recorded_acknowledged_and_confirmed(
    learner_client, learner, course, django_capture_on_commit_callbacks
):
    # When a signed-in learner sends a grievance about a course
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = learner_client.post(
            GRIEVANCE_URL, {"course": str(course.pk), "message": MESSAGE}
        )

    # Then it is recorded, open
    request = LearnerRequest.objects.get()
    assert request.user == learner
    assert request.kind == LearnerRequestKind.GRIEVANCE
    assert request.course == course
    assert request.message == MESSAGE
    assert request.status == LearnerRequestStatus.OPEN
    # and acknowledged by email, after commit
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [learner.email]
    assert email.subject == "We received your grievance"
    assert "The post-test timed out twice" in email.body
    assert course.title in email.body
    assert "/grievance-policy/" in email.body
    html_part = email.alternatives[0].content
    assert "The post-test timed out twice" in html_part
    # and the learner sees a confirmation
    assert response.status_code == 302
    page = text_of(learner_client.get(response["Location"]))
    assert "Thank you: we received your grievance and emailed a copy to" in page


def test_an_accommodation_request_needs_no_course(
    learner_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        learner_client.post(ACCOMMODATION_URL, {"course": "", "message": "Large print"})

    request = LearnerRequest.objects.get()
    assert request.kind == LearnerRequestKind.ACCOMMODATION
    assert request.course is None
    assert mail.outbox[0].subject == "We received your accommodation request"


def test_a_double_submit_records_one_request_and_sends_one_email(
    learner_client, course, django_capture_on_commit_callbacks
):
    data = {"course": str(course.pk), "message": MESSAGE}

    with django_capture_on_commit_callbacks(execute=True):
        first = learner_client.post(GRIEVANCE_URL, data)
        second = learner_client.post(GRIEVANCE_URL, data)

    assert first.status_code == second.status_code == 302
    assert LearnerRequest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_too_many_requests_rerender_with_a_message(learner_client, settings):
    settings.LEARNER_REQUEST_RATE = (2, 3600)
    for text in ("First.", "Second."):
        learner_client.post(GRIEVANCE_URL, {"course": "", "message": text})

    response = learner_client.post(GRIEVANCE_URL, {"course": "", "message": "Third."})

    assert response.status_code == 200
    assert "You have sent 2 requests in the last 60 minutes." in text_of(response)
    assert "Third." in response.content.decode()
    assert LearnerRequest.objects.count() == 2


def test_script_in_a_message_is_escaped_on_the_admin_page(instructor_client, learner):
    request = learner_request_submit(
        user=learner, kind="grievance", message="<script>alert(1)</script>"
    )

    body = instructor_client.get(
        reverse("learner_requests:inspect", args=[request.pk])
    ).content.decode()

    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


# The instructor's admin -----------------------------------------------------------


@pytest.fixture
def requests_filed(learner, course):
    open_one = learner_request_submit(
        user=learner, kind="grievance", course=course, message=MESSAGE
    )
    other = UserFactory(email="second@example.com")
    answered = learner_request_submit(
        user=other, kind="accommodation", message="Transcripts, please."
    )
    LearnerRequest.objects.filter(pk=answered.pk).update(
        status=LearnerRequestStatus.ANSWERED, response="Sent."
    )
    mail.outbox.clear()
    return open_one, answered


def test_the_list_filters_by_status(instructor_client, requests_filed):
    open_one, answered = requests_filed

    everything = text_of(instructor_client.get(reverse("learner_requests:index")))
    only_open = text_of(
        instructor_client.get(reverse("learner_requests:index"), {"status": "open"})
    )

    assert "learner@example.com" in everything
    assert "second@example.com" in everything
    assert "learner@example.com" in only_open
    assert "second@example.com" not in only_open
    assert "Grievance" in only_open
    inspect_url = reverse("learner_requests:inspect", args=[open_one.pk])
    assert (
        f'href="{inspect_url}"'
        in instructor_client.get(reverse("learner_requests:index")).content.decode()
    )


def test_a_request_reads_as_a_document(instructor_client, requests_filed, course):
    open_one, _answered = requests_filed

    text = text_of(
        instructor_client.get(reverse("learner_requests:inspect", args=[open_one.pk]))
    )

    assert "What the learner wrote" in text
    assert "The post-test timed out twice while I was answering." in text
    assert course.title in text
    assert "Not answered yet." in text
    assert "Answer" in text
    assert "LearnerRequest object" not in text


def test_the_answer_form_shows_what_the_learner_wrote(
    instructor_client, requests_filed
):
    open_one, _answered = requests_filed

    response = instructor_client.get(
        reverse("learner_requests:edit", args=[open_one.pk])
    )

    assert response.status_code == 200
    text = text_of(response)
    assert "What the learner wrote" in text
    assert "The post-test timed out twice while I was answering." in text
    assert "A new or changed answer is emailed to the learner" in text
    body = response.content.decode()
    assert 'name="status"' in body
    assert 'name="response"' in body
    assert 'name="message"' not in body


def test_answering_saves_emails_and_says_so(
    instructor_client, instructor, requests_filed, django_capture_on_commit_callbacks
):
    open_one, _answered = requests_filed
    url = reverse("learner_requests:edit", args=[open_one.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = instructor_client.post(
            url,
            {"status": "answered", "response": "We reset your attempt."},
            follow=True,
        )

    open_one.refresh_from_db()
    assert open_one.status == LearnerRequestStatus.ANSWERED
    assert open_one.response == "We reset your attempt."
    assert open_one.answered_by == instructor
    assert open_one.answered_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["learner@example.com"]
    assert mail.outbox[0].subject == "An answer to your grievance"
    assert "We reset your attempt." in mail.outbox[0].body
    assert "your answer was emailed to them" in text_of(response)


def test_closing_without_a_new_answer_sends_nothing_and_says_so(
    instructor_client, requests_filed, django_capture_on_commit_callbacks
):
    _open_one, answered = requests_filed
    url = reverse("learner_requests:edit", args=[answered.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = instructor_client.post(
            url, {"status": "closed", "response": "Sent."}, follow=True
        )

    answered.refresh_from_db()
    assert answered.status == LearnerRequestStatus.CLOSED
    assert mail.outbox == []
    assert "No email was sent" in text_of(response)


def test_marking_answered_without_an_answer_rerenders_with_a_message(
    instructor_client, requests_filed
):
    open_one, _answered = requests_filed

    response = instructor_client.post(
        reverse("learner_requests:edit", args=[open_one.pk]),
        {"status": "answered", "response": ""},
    )

    assert response.status_code == 200
    assert "Write your answer before marking the request answered" in text_of(response)
    open_one.refresh_from_db()
    assert open_one.status == LearnerRequestStatus.OPEN


def test_nobody_adds_or_deletes_a_request_in_the_admin(
    instructor_client, requests_filed
):
    open_one, _answered = requests_filed

    add = instructor_client.get(reverse("learner_requests:add"))
    delete = instructor_client.post(
        reverse("learner_requests:delete", args=[open_one.pk])
    )

    assert add.status_code in (302, 403)
    assert delete.status_code in (302, 403)
    assert LearnerRequest.objects.filter(pk=open_one.pk).exists()
    assert LearnerRequest.objects.count() == 2


def test_a_learner_cannot_open_the_admin_list(learner_client, requests_filed):
    response = learner_client.get(reverse("learner_requests:index"))

    assert response.status_code == 302
    assert "learner@example.com" not in response.content.decode()


# Links from every course and certificate page ---------------------------------------


def test_the_course_page_links_the_policies_and_forms(client, course):
    body = client.get(course.url).content.decode()

    assert 'href="/grievance-policy/"' in body
    assert 'href="/accommodations/"' in body
    assert f'href="{GRIEVANCE_URL}?course={course.pk}"' in body
    assert f'href="{ACCOMMODATION_URL}?course={course.pk}"' in body


def test_the_footer_links_the_policies(client, home_page):
    body = client.get("/").content.decode()

    assert 'href="/grievance-policy/">Grievance policy</a>' in body
    assert 'href="/accommodations/">Accommodations</a>' in body


def test_the_certificate_pages_link_the_policies(client, course_index):
    ce = ce_course_build(parent=course_index)
    user = UserFactory(email="clinician@example.com")
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    final_take(user, ce)
    evaluate(user, ce)
    certificate = course_completion_attempt(user=user, course=ce.course)
    client.force_login(user)

    detail = client.get(reverse("certificate_detail", args=[certificate.serial]))
    client.logout()
    verify = client.get(reverse("certificate_verify", args=[certificate.serial]))

    for response in (detail, verify):
        body = response.content.decode()
        assert response.status_code == 200
        assert 'href="/grievance-policy/">Grievance policy</a>' in body
        assert f'href="{GRIEVANCE_URL}"' in body
        assert f'href="{ACCOMMODATION_URL}"' in body
