"""/dashboard/ ("My learning"): the learner's active enrollments, nobody else's."""

from __future__ import annotations

from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone

from courses.models import EnrollmentSource
from courses.services import enrollment_grant, enrollment_revoke
from tests.accounts.factories import UserFactory
from tests.courses.factories import CoursePageFactory


def test_dashboard_url_is_stable():
    assert reverse("dashboard") == "/dashboard/"


def test_dashboard_requires_login(client, db):
    response = client.get("/dashboard/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote('/dashboard/')}"


def test_dashboard_lists_active_enrollments_only(
    learner_client, learner, course, paid_course, course_index
):
    # Given an active enrollment, a revoked one, and another learner's enrollment
    enrollment_grant(user=learner, course=course, source=EnrollmentSource.FREE)
    revoked, _ = enrollment_grant(
        user=learner, course=paid_course, source=EnrollmentSource.PURCHASE
    )
    enrollment_revoke(enrollment=revoked, reason="Refunded")
    someone_elses = CoursePageFactory(parent=course_index, title="Records and Release")
    enrollment_grant(
        user=UserFactory(), course=someone_elses, source=EnrollmentSource.FREE
    )

    # When the learner opens their dashboard
    response = learner_client.get("/dashboard/")

    # Then only the active enrollment is listed
    assert response.status_code == 200
    listed = [entry.enrollment.course_id for entry in response.context["courses"]]
    assert listed == [course.pk]
    content = response.content.decode()
    assert course.title in content
    assert paid_course.title not in content
    assert someone_elses.title not in content


def test_dashboard_without_enrollments_renders(learner_client):
    response = learner_client.get("/dashboard/")

    assert response.status_code == 200
    assert response.context["courses"] == []
    assert "You are not enrolled in any course yet." in response.content.decode()


def test_a_completed_course_without_its_certificate_leads_to_the_evaluation(
    learner_client, learner, course
):
    # Given a course the learner has completed, its certificate not yet issued
    # (a course with a certificate: tests/courses/test_course_finished.py)
    enrollment, _ = enrollment_grant(
        user=learner, course=course, source=EnrollmentSource.FREE
    )
    enrollment.completed_at = timezone.now()
    enrollment.save()

    # When they open their dashboard
    html = learner_client.get("/dashboard/").content.decode()

    # Then the course card leads to the evaluation, not back into the course
    evaluation_url = reverse("course_evaluation", args=[course.pk])
    assert f'href="{evaluation_url}"' in html
    # (the course carries no CE hours: its evaluation is optional)
    assert "Get your certificate of completion" in html
    assert ">Continue<" not in html
