"""/enroll/<course_id>/: GET confirms, POST enrolls in a free course."""

from __future__ import annotations

from urllib.parse import quote

from django.test import Client
from django.urls import reverse

import pytest

from courses.models import Enrollment, EnrollmentStatus
from tests.lessons.factories import LessonPageFactory


@pytest.fixture
def enroll_url(course):
    return reverse("enroll", args=[course.pk])


def test_anonymous_visitor_is_sent_to_login_and_back(client, enroll_url):
    # Given a visitor who is not logged in
    # When they open the enroll page
    response = client.get(enroll_url)

    # Then they are sent to log in, with a way back
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote(enroll_url)}"


def test_logged_in_get_shows_the_confirm_page_and_enrolls_nobody(
    learner_client, learner, course, enroll_url
):
    # Given a logged-in learner
    # When they open the enroll page
    response = learner_client.get(enroll_url)

    # Then they are asked to confirm, and nothing is written yet
    assert response.status_code == 200
    assert "courses/enroll_confirm.html" in [t.name for t in response.templates]
    assert course.title in response.content.decode()
    assert not Enrollment.objects.filter(user=learner).exists()


def test_post_without_csrf_token_is_refused(learner, enroll_url):
    # Given a logged-in learner whose browser does not send the CSRF token
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    # When a form posts to the enroll page
    response = client.post(enroll_url)

    # Then it is refused and nothing is written
    assert response.status_code == 403
    assert not Enrollment.objects.filter(user=learner).exists()


def test_post_enrolls_and_opens_the_first_lesson(
    learner_client, learner, course, module
):
    # Given a free course with two lessons
    first = LessonPageFactory(parent=module, slug="first")
    LessonPageFactory(parent=module, slug="second")

    # When the learner confirms
    response = learner_client.post(reverse("enroll", args=[course.pk]))

    # Then they are enrolled and taken to the first lesson
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    assert response.status_code == 302
    assert response.url == first.url


def test_post_on_a_course_without_lessons_returns_to_the_course(
    learner_client, learner, course, enroll_url
):
    response = learner_client.post(enroll_url)

    assert Enrollment.objects.filter(user=learner, course=course).exists()
    assert response.status_code == 302
    assert response.url == course.url


def test_post_twice_keeps_one_enrollment(learner_client, learner, course, enroll_url):
    learner_client.post(enroll_url)
    learner_client.post(enroll_url)

    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_post_on_a_paid_course_enrolls_nobody(learner_client, learner, paid_course):
    # Given a paid course
    # When a learner posts to its enroll page
    response = learner_client.post(reverse("enroll", args=[paid_course.pk]))

    # Then no enrollment is created and they go back to the course page to buy it
    assert not Enrollment.objects.filter(user=learner).exists()
    assert response.status_code == 302
    assert response.url == paid_course.url


def test_unpublished_course_is_not_found(learner_client, learner, course, enroll_url):
    # Given a course that was unpublished
    course.unpublish()

    # When a learner tries to enroll
    get_response = learner_client.get(enroll_url)
    post_response = learner_client.post(enroll_url)

    # Then there is no such course to enroll in
    assert get_response.status_code == 404
    assert post_response.status_code == 404
    assert not Enrollment.objects.filter(user=learner).exists()


def test_unknown_course_is_not_found(learner_client, home_page):
    response = learner_client.post(reverse("enroll", args=[home_page.pk]))

    assert response.status_code == 404
