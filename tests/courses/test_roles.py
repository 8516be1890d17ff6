"""Roles: the Instructor runs the school without being an administrator; the
Assistant reads everything she reads and changes nothing (config/roles.py)."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.blocks.base import BlockWidget
from wagtail.models import GroupCollectionPermission, GroupPagePermission

import pytest

from config.roles import (
    ASSISTANT,
    INSTRUCTOR,
    ROLE_COLLECTION_PERMISSIONS,
    ROLE_PAGE_PERMISSIONS,
    ROLE_PERMISSIONS,
    roles_sync,
)
from courses.models import Certificate, CoursePage, Enrollment, EnrollmentSource
from lessons.models import QuizAttempt
from payments.models import Order, OrderStatus
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def dotted(permissions) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


def grants(group: Group) -> dict:
    """Everything a group is granted, as comparable data."""
    return {
        "model": dotted(group.permissions.select_related("content_type")),
        "page": {
            (g.page.depth, g.permission.codename)
            for g in GroupPagePermission.objects.filter(group=group)
        },
        "collection": {
            (g.collection.depth, *dotted([g.permission]))
            for g in GroupCollectionPermission.objects.filter(group=group)
        },
    }


# The groups, as the migration leaves them -----------------------------------------


@pytest.mark.parametrize("name", [INSTRUCTOR, ASSISTANT])
def test_after_migrations_each_group_has_exactly_its_permissions(name):
    group = Group.objects.get(name=name)

    assert grants(group) == {
        "model": set(ROLE_PERMISSIONS[name]),
        "page": {(1, codename) for codename in ROLE_PAGE_PERMISSIONS[name]},
        "collection": {(1, dotted) for dotted in ROLE_COLLECTION_PERMISSIONS[name]},
    }


def test_every_listed_permission_exists():
    listed = {
        *[d for names in ROLE_PERMISSIONS.values() for d in names],
        *[d for names in ROLE_COLLECTION_PERMISSIONS.values() for d in names],
        *[
            f"wagtailcore.{c}"
            for codenames in ROLE_PAGE_PERMISSIONS.values()
            for c in codenames
        ],
    }

    existing = dotted(Permission.objects.select_related("content_type"))

    assert listed - existing == set()


def test_the_instructor_is_never_given_account_or_group_management():
    instructor = set(ROLE_PERMISSIONS[INSTRUCTOR])

    assert "accounts.add_user" not in instructor
    assert "accounts.delete_user" not in instructor
    assert not {p for p in instructor if p.startswith("auth.")}


def test_the_assistant_is_given_only_views_admin_access_and_moderation():
    changes = [
        p
        for p in ROLE_PERMISSIONS[ASSISTANT]
        if p != "wagtailadmin.access_admin" and ".view_" not in p
    ]

    # She answers learners and hides or restores posts; she changes nothing else.
    assert changes == ["lessons.moderate_post"]


def test_running_roles_sync_twice_changes_nothing():
    before = {name: grants(Group.objects.get(name=name)) for name in ROLE_PERMISSIONS}
    counts = (
        Group.objects.count(),
        Permission.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )

    roles_sync(apps)
    roles_sync(apps)

    after = {name: grants(Group.objects.get(name=name)) for name in ROLE_PERMISSIONS}
    assert after == before
    assert counts == (
        Group.objects.count(),
        Permission.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )


def test_roles_sync_restores_a_missing_group():
    Group.objects.filter(name=ASSISTANT).delete()

    roles_sync(apps)

    assert grants(Group.objects.get(name=ASSISTANT))["model"] == set(
        ROLE_PERMISSIONS[ASSISTANT]
    )


# The school's records, to look at ----------------------------------------------


@pytest.fixture
def records(course, learner):
    """An order, a certificate and a quiz attempt of one learner."""
    enrollment = Enrollment.objects.create(
        user=learner, course=course, source=EnrollmentSource.PURCHASE
    )
    order = Order.objects.create(
        user=learner,
        course=course,
        amount=24900,
        currency="usd",
        amount_paid=24900,
        status=OrderStatus.PAID,
        paid_at=timezone.now(),
        is_test=True,
    )
    certificate = Certificate.objects.create(
        enrollment=enrollment,
        serial="PRAC-ROLES-0001",
        learner_name="Jordan Ellis",
        course_title=course.title,
        completed_on=date(2026, 11, 2),
        provider_name="Practicum",
    )
    attempt = QuizAttempt.objects.create(
        user=learner,
        course=course,
        quiz_title="Check your understanding",
        number=1,
        seed=1,
        snapshot={},
        pass_mark=80,
        question_count=0,
    )
    return {"order": order, "certificate": certificate, "attempt": attempt}


def member_client(name: str, email: str) -> Client:
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=name))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def instructor_member() -> Client:
    return member_client(INSTRUCTOR, "dana@example.com")


@pytest.fixture
def assistant_member() -> Client:
    return member_client(ASSISTANT, "sam@example.com")


def is_refused(response) -> bool:
    """Wagtail answers a refused admin URL by sending the user to the dashboard
    with "Sorry, you do not have permission to access this area."."""
    return response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_home"
    )


# The Instructor --------------------------------------------------------------------


class _FormReader(HTMLParser):
    """The values a browser would post for the page editor's form."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if name and "__prefix__" in name:
            return  # the blank form a formset copies, not a form
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data.setdefault(name, []).append(a.get("value", default))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data.setdefault(self._select, []).append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def editor_post_data(response) -> dict:
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = dict(reader.data)
    for name, field in response.context["form"].fields.items():
        if isinstance(field.widget, BlockWidget):
            data.setdefault(f"{name}-count", ["0"])  # an empty stream
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_an_instructor_opens_the_admin(instructor_member):
    response = instructor_member.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200


def test_an_instructor_edits_and_publishes_a_course(instructor_member, course):
    # Given the course editor, as she opens it
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    editor = instructor_member.get(url)
    assert editor.status_code == 200
    data = editor_post_data(editor)

    # When she changes the title and presses Publish
    data["title"] = ["Mitigation 101, revised"]
    data["action-publish"] = ["action-publish"]
    response = instructor_member.post(url, data)

    # Then the new title is live
    assert response.status_code == 302, response.context["form"].errors
    course = CoursePage.objects.get(pk=course.pk)
    assert course.title == "Mitigation 101, revised"
    assert course.live
    assert not course.has_unpublished_changes


def test_an_instructor_sees_orders_and_the_refund_screen(instructor_member, records):
    order = records["order"]

    assert instructor_member.get(reverse("orders:index")).status_code == 200
    assert (
        instructor_member.get(reverse("orders:inspect", args=[order.pk])).status_code
        == 200
    )
    refund = instructor_member.get(reverse("payments_order_refund", args=[order.pk]))
    assert refund.status_code == 200


def test_an_instructor_sees_certificates_and_may_revoke(instructor_member, records):
    certificate = records["certificate"]

    assert instructor_member.get(reverse("ce_certificates:index")).status_code == 200
    inspect = instructor_member.get(
        reverse("ce_certificates:inspect", args=[certificate.pk])
    )
    assert inspect.status_code == 200
    assert reverse("courses_certificate_revoke", args=[certificate.pk]) in (
        inspect.content.decode()
    )


def test_an_instructor_lists_learners_accounts(instructor_member, learner):
    response = instructor_member.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    assert learner.email in response.content.decode()


def test_an_instructor_cannot_manage_groups(instructor_member):
    response = instructor_member.get(reverse("wagtailusers_groups:index"))

    assert is_refused(response)


# The Assistant ---------------------------------------------------------------------


def test_an_assistant_opens_the_admin(assistant_member):
    response = assistant_member.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "url_name", ["orders:index", "ce_certificates:index", "quiz_attempts:index"]
)
def test_an_assistant_lists_the_records(assistant_member, records, url_name):
    response = assistant_member.get(reverse(url_name))

    assert response.status_code == 200


def test_an_assistant_reads_one_order_and_one_certificate(assistant_member, records):
    order, certificate = records["order"], records["certificate"]

    order_page = assistant_member.get(reverse("orders:inspect", args=[order.pk]))
    certificate_page = assistant_member.get(
        reverse("ce_certificates:inspect", args=[certificate.pk])
    )

    assert order_page.status_code == 200
    assert certificate_page.status_code == 200
    revoke_url = reverse("courses_certificate_revoke", args=[certificate.pk])
    assert revoke_url not in certificate_page.content.decode()


def test_an_assistant_is_refused_the_refund_screen(assistant_member, records):
    order = records["order"]
    url = reverse("payments_order_refund", args=[order.pk])

    get = assistant_member.get(url)
    post = assistant_member.post(
        url, {"amount": "249", "revoke_access": "no", "reason": ""}
    )

    assert is_refused(get)
    assert is_refused(post)
    order.refresh_from_db()
    assert order.amount_refunded == 0


def test_an_assistant_is_refused_revoking_a_certificate(assistant_member, records):
    certificate = records["certificate"]
    url = reverse("courses_certificate_revoke", args=[certificate.pk])

    response = assistant_member.post(url, {"reason": "Testing"})

    assert is_refused(response)
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_an_assistant_cannot_edit_a_course(assistant_member, course):
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])

    response = assistant_member.post(url, {"title": "Changed"})

    assert is_refused(response)
    assert CoursePage.objects.get(pk=course.pk).title == "Mitigation 101"


def test_an_assistant_cannot_edit_a_learner(assistant_member, learner):
    url = reverse("wagtailusers_users:edit", args=[learner.pk])

    response = assistant_member.post(url, {"email": learner.email})

    assert is_refused(response)
    learner.refresh_from_db()
    assert learner.is_active


def test_an_assistant_cannot_grant_quiz_attempts(assistant_member):
    response = assistant_member.get(reverse("quiz_grants:add"))

    assert is_refused(response)


def test_an_assistant_sees_no_page_explorer(assistant_member, course):
    """Without page permissions Wagtail hides Pages; the explorer refuses her."""
    response = assistant_member.get(
        reverse("wagtailadmin_explore", args=[course.get_parent().pk])
    )

    assert is_refused(response)


def test_an_assistant_lists_learners_accounts_read_only(assistant_member, learner):
    response = assistant_member.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    page = response.content.decode()
    assert learner.email in page
    assert reverse("wagtailusers_users:edit", args=[learner.pk]) not in page
