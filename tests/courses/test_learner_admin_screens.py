"""The Learners list (search, filters) and one learner's page (what it shows,
who may read it, and a query count that does not grow with enrollments)."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from courses.models import Certificate, CourseEvaluation, EnrollmentSource
from courses.services import enrollment_grant, enrollment_revoke
from lessons.services import item_complete, quiz_attempt_start, quiz_attempt_submit
from payments.models import Order, OrderStatus
from tests.accounts.factories import ClinicianProfileFactory, UserFactory
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.courses.learner_admin_support import (
    VIEW,
    client_for,
    learner_url,
    list_url,
    staff_with,
)
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import QuizPageFactory, right_answers


@pytest.fixture
def maria(course):
    """A learner with a profile, enrolled in the free course."""
    user = UserFactory(email="maria@example.com")
    ClinicianProfileFactory(
        user=user, name_on_certificate="Maria L. Gómez, LCSW", license_number="LX-777"
    )
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


@pytest.fixture
def sam(paid_course):
    """Another learner, whose enrollment in the paid course was revoked."""
    user = UserFactory(email="sam@example.com", first_name="Sam", last_name="Ortiz")
    enrollment, _ = enrollment_grant(
        user=user, course=paid_course, source=EnrollmentSource.PURCHASE
    )
    enrollment_revoke(enrollment=enrollment, reason="Refunded")
    return user


@pytest.fixture
def viewer(db):
    return client_for(staff_with(VIEW, email="assistant@example.com"))


def _listed(client, **params) -> str:
    response = client.get(list_url(), params)
    assert response.status_code == 200
    return response.content.decode()


# The list ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["maria@example", "Gómez", "LX-777"], ids=["email", "name", "license"]
)
def test_search_finds_the_learner(maria, sam, viewer, query):
    # Given two learners; When the list is searched by email, name or license
    html = _listed(viewer, q=query)

    # Then only the one who matches is listed, by the name on her certificate
    assert "Maria L. Gómez, LCSW" in html
    assert "sam@example.com" not in html


def test_filter_by_course(maria, sam, viewer, course):
    html = _listed(viewer, course=course.pk)
    assert "maria@example.com" in html
    assert "sam@example.com" not in html


def test_filter_by_revoked_enrollment(maria, sam, viewer):
    html = _listed(viewer, enrollment_status="revoked")
    assert "sam@example.com" in html
    assert "maria@example.com" not in html


def test_filter_by_deactivated_account(maria, sam, viewer):
    sam.is_active = False
    sam.save()
    html = _listed(viewer, account="inactive")
    assert "sam@example.com" in html
    assert "maria@example.com" not in html


def test_filter_by_date_joined(maria, sam, viewer):
    type(sam).objects.filter(pk=sam.pk).update(
        date_joined=timezone.now() - timezone.timedelta(days=400)
    )
    since = (timezone.localdate() - timezone.timedelta(days=30)).isoformat()
    html = _listed(viewer, date_joined_from=since)
    assert "maria@example.com" in html
    assert "sam@example.com" not in html


def test_staff_are_left_out_unless_asked_for(maria, viewer):
    UserFactory(email="colleague@example.com", is_staff=True)
    assert "colleague@example.com" not in _listed(viewer)
    assert "colleague@example.com" in _listed(viewer, staff="include")


def test_members_of_the_school_roles_are_staff_not_learners(maria, viewer):
    from django.contrib.auth.models import Group

    assistant = UserFactory(email="helper@example.com")  # not is_staff
    assistant.groups.add(Group.objects.get(name="Assistant"))
    assert "helper@example.com" not in _listed(viewer)
    assert "helper@example.com" in _listed(viewer, staff="only")
    assert "maria@example.com" not in _listed(viewer, staff="only")


def test_the_list_shows_name_email_and_course_count(maria, sam, viewer):
    html = _listed(viewer)
    assert "Maria L. Gómez, LCSW" in html
    assert "Sam Ortiz" in html
    assert learner_url(maria) in html


def test_staff_without_the_view_permission_cannot_see_learners(maria):
    client = client_for(staff_with(email="other@example.com"))
    assert client.get(list_url()).status_code in (302, 403)
    assert client.get(learner_url(maria)).status_code in (302, 403)


# The learner's page ----------------------------------------------------------------


@pytest.fixture
def maria_record(maria, course, module, paid_course):
    """Maria has done one of two lessons, passed a quiz, paid an order,
    holds a certificate and evaluated the course."""
    first = LessonPageFactory(parent=module, title="First lesson")
    LessonPageFactory(parent=module, title="Second lesson")
    item_complete(user=maria, page=first, course=course)
    quiz = QuizPageFactory(parent=module, title="Module check", is_optional=True)
    attempt = quiz_attempt_start(user=maria, quiz=quiz, course=course)
    quiz_attempt_submit(attempt=attempt, answers=right_answers(attempt))
    Order.objects.create(
        user=maria,
        course=paid_course,
        amount=14900,
        currency="usd",
        amount_paid=14900,
        status=OrderStatus.PAID,
        paid_at=timezone.now(),
    )
    enrollment = maria.enrollments.get(course=course)
    Certificate.objects.create(
        enrollment=enrollment,
        serial="PRX-TEST-0001",
        learner_name="Maria L. Gómez, LCSW",
        course_title=course.title,
        completed_on=timezone.localdate(),
        provider_name="Practicum",
    )
    CourseEvaluation.objects.create(
        enrollment=enrollment,
        relevance=5,
        content_quality=5,
        instructor_effectiveness=5,
        hours_spent=3,
        comments="Very practical.",
    )
    return maria


def test_the_learners_page_shows_where_they_stand(maria_record, viewer):
    # When the learner's page is opened
    response = viewer.get(learner_url(maria_record))

    # Then it reads as a document: profile, progress, attempts, orders in
    # dollars, certificates, evaluations
    assert response.status_code == 200
    html = response.content.decode()
    assert "Maria L. Gómez, LCSW" in html
    assert "LX-777" in html
    assert "Mitigation 101" in html
    assert "1 of 2 required items (50%)" in html
    assert "Module check" in html
    assert "100%" in html and "Passed" in html
    assert "P-" in html and "$149.00" in html
    assert "14900" not in html
    assert "PRX-TEST-0001" in html
    assert "Very practical." in html


def test_each_panel_is_a_section_named_by_its_own_heading(maria, instructor_client):
    html = instructor_client.get(learner_url(maria)).content.decode()

    labels = re.findall(r'<section[^>]*aria-labelledby="([^"]+)"', html)
    # Orders and Discussion (once both order 50) are told apart too
    assert len(labels) >= 8
    assert len(labels) == len(set(labels)), labels
    for label in labels:
        assert html.count(f'id="{label}"') == 1, label


def test_learner_page_queries_do_not_grow_with_enrollments(course_index, viewer):
    # Given two learners, one in one course and one in four
    def learner_in(n, email):
        user = UserFactory(email=email)
        for i in range(n):
            course = CoursePageFactory(parent=course_index, slug=f"{email[:3]}-{i}")
            module = ModulePageFactory(parent=course, slug="m")
            LessonPageFactory(parent=module, slug="l1")
            QuizPageFactory(parent=module, slug="q1")
            enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
        return user

    small = learner_in(1, "one@example.com")
    large = learner_in(4, "four@example.com")
    admin = staff_with(
        VIEW,
        "courses.change_enrollment",
        "courses.add_enrollment",
        "lessons.add_quizattemptgrant",
        "accounts.change_user",
        email="counter@example.com",
    )
    client = client_for(admin)

    # When each learner's page is opened (warm once)
    counts = []
    for learner in (small, large):
        client.get(learner_url(learner))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(learner_url(learner)).status_code == 200
        counts.append(len(ctx.captured_queries))

    # Then both cost the same number of queries
    assert counts[0] == counts[1], counts


# Living alongside Wagtail's own screens ---------------------------------------


def test_settings_users_still_edits_accounts(maria, instructor_client):
    # Wagtail's own user viewset keeps its URLs and its edit page
    from django.urls import reverse

    response = instructor_client.get(
        reverse("wagtailusers_users:edit", args=[maria.pk])
    )
    assert response.status_code == 200


def test_the_menu_has_one_learners_entry_with_the_list_first(instructor_client):
    from django.urls import reverse

    from wagtail.admin.menu import admin_menu

    reverse("learners:index")  # the admin URLs (and their menu items) are loaded
    learners = [i for i in admin_menu.registered_menu_items if i.label == "Learners"]
    assert len(learners) == 1
    urls = [item.url for item in learners[0].menu.registered_menu_items]
    assert urls[0] == reverse("learners:index")
    assert reverse("quiz_attempts:index") in urls


def test_actions_on_a_learner_appear_in_the_site_history(maria, instructor_client):
    from django.urls import reverse

    instructor_client.post(
        reverse("learners:deactivate", args=[maria.pk]),
        {"deactivate-reason": "Asked to pause"},
    )
    html = instructor_client.get(reverse("wagtailadmin_reports:site_history")).content
    assert "Account deactivated and signed out everywhere. Reason: Asked to pause" in (
        html.decode()
    )
