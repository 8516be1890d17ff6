"""One fixture world for the generated security sweeps, built once per module.

::

    Root
    └── HomePage (site root)
        ├── ContentPage                   "about"
        └── CourseIndexPage               /courses/
            ├── CoursePage (free)         /courses/mitigation-101/
            │   └── ModulePage
            │       ├── LessonPage (free preview)
            │       └── LessonPage (gated)
            └── CoursePage (paid, CE)     /courses/records-for-clinicians/
                └── ModulePage: two lessons, an optional one, a final quiz

The people, one per role the matrix asks as (``ROLES``):

- ``visitor``: nobody signed in.
- ``other``: enrolled in the free course only (a learner of another course).
- ``enrolled``: bought the paid course (a paid order), finished it, passed the
  final quiz, evaluated it and holds its certificate.
- ``revoked``: bought it, then the instructor revoked the enrollment.
- ``refunded``: bought it, the order was refunded and access revoked.
- ``assistant`` / ``instructor``: staff in the groups of ``config/roles.py``.
- ``superuser``: the site's administrator.

``world_build()`` runs inside the module-scoped fixture ``security_world``
(see ``world_fixture``); each test then runs in its own savepoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, Site

from config.roles import ASSISTANT, INSTRUCTOR
from core.models import ContentPage, HomePage
from courses.models import (
    Announcement,
    Enrollment,
    EnrollmentSource,
    Invitation,
    LearnerRequest,
    LearnerRequestKind,
)
from courses.services import (
    course_completion_attempt,
    enrollment_grant,
    enrollment_revoke,
)
from lessons.models import Post, PostReport
from payments.models import Order, OrderStatus
from tests.accounts.factories import SuperuserFactory, UserFactory
from tests.courses import ce_support
from tests.courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    ModulePageFactory,
)
from tests.lessons.factories import LessonPageFactory, body_marker

ROLES = (
    "visitor",
    "other",
    "enrolled",
    "revoked",
    "refunded",
    "assistant",
    "instructor",
    "superuser",
)

PAID_PRICE = 14900


@dataclass
class World:
    home: HomePage
    about: ContentPage
    course_index: Page
    free_course: Page
    free_module: Page
    free_preview: Page
    free_lesson: Page
    paid: ce_support.CeCourse
    paid_module: Page
    users: dict = field(default_factory=dict)
    orders: dict = field(default_factory=dict)
    enrollment: Enrollment | None = None
    certificate: object = None
    evaluation: object = None
    attempt: object = None
    invitation: Invitation | None = None
    post: Post | None = None  # a question under the paid lesson, reported
    report: PostReport | None = None
    announcement: Announcement | None = None  # sent to the free course
    learner_request: LearnerRequest | None = None  # a grievance from "enrolled"

    clients: dict = field(default_factory=dict)

    def client(self, role: str) -> Client:
        """A client signed in as ``role``; the session lives as long as the world."""
        if role not in self.clients:
            client = Client()
            user = self.users.get(role)
            if user is not None:
                client.force_login(user)
            self.clients[role] = client
        client = self.clients[role]
        client.cookies.pop("messages", None)
        return client

    @property
    def paid_lesson(self):
        return self.paid.lessons[0]

    def lesson_marker(self) -> str:
        return body_marker(self.paid_lesson.slug)


def _home() -> HomePage:
    root = Page.get_first_root_node()
    welcome = list(root.get_children())
    home = root.add_child(
        instance=HomePage(
            title="Practicum",
            slug="practicum",
            hero_heading="Courses for clinician-educators",
            hero_text="Continuing education for mitigation specialists.",
        )
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.site_name = "Practicum"
    site.save()
    for page in welcome:
        page.delete()
    return HomePage.objects.get(pk=home.pk)


def _purchase(user, ce, *, status=OrderStatus.PAID) -> Order:
    course = ce.course
    refunded = status == OrderStatus.REFUNDED
    return Order.objects.create(
        user=user,
        course=course,
        amount=PAID_PRICE,
        currency="usd",
        amount_paid=PAID_PRICE,
        amount_refunded=PAID_PRICE if refunded else 0,
        status=status,
        paid_at=timezone.now(),
        checkout_session_id=f"cs_test_{user.pk}",
        payment_intent_id=f"pi_test_{user.pk}",
    )


def _buyer(email: str, ce, *, status=OrderStatus.PAID):
    user = UserFactory(email=email, first_name="Pat", last_name="Learner")
    order = _purchase(user, ce, status=status)
    enrollment, _ = enrollment_grant(
        user=user, course=ce.course, source=EnrollmentSource.PURCHASE
    )
    return user, order, enrollment


def world_build() -> World:
    home = _home()
    about = home.add_child(instance=ContentPage(title="About", slug="about"))
    index = CourseIndexPageFactory(parent=home)
    free_course = CoursePageFactory(
        parent=index, title="Mitigation 101", slug="mitigation-101"
    )
    free_module = ModulePageFactory(parent=free_course, slug="start")
    preview = LessonPageFactory(
        parent=free_module, slug="welcome", is_free_preview=True
    )
    free_lesson = LessonPageFactory(parent=free_module, slug="history")
    paid = ce_support.ce_course_build(parent=index)
    paid.course.price_amount = PAID_PRICE
    paid.course.save()
    paid_module = paid.course.get_children().first().specific

    world = World(
        home=home,
        about=about,
        course_index=index,
        free_course=free_course,
        free_module=free_module,
        free_preview=preview,
        free_lesson=free_lesson,
        paid=paid,
        paid_module=paid_module,
    )
    users = world.users
    users["visitor"] = None

    other = UserFactory(email="other@example.com")
    enrollment_grant(user=other, course=free_course, source=EnrollmentSource.FREE)
    users["other"] = other

    enrolled, order, enrollment = _buyer("enrolled@example.com", paid)
    ce_support.profile_fill(enrolled)
    ce_support.lessons_complete(enrolled, paid)
    world.attempt = ce_support.final_take(enrolled, paid)
    world.evaluation = ce_support.evaluate(enrolled, paid)
    world.certificate = course_completion_attempt(user=enrolled, course=paid.course)
    users["enrolled"] = enrolled
    world.orders["enrolled"] = order
    world.enrollment = enrollment

    revoked, order, enrollment = _buyer("revoked@example.com", paid)
    enrollment_revoke(enrollment=enrollment, reason="Revoked by the instructor")
    users["revoked"] = revoked
    world.orders["revoked"] = order

    refunded, order, enrollment = _buyer(
        "refunded@example.com", paid, status=OrderStatus.REFUNDED
    )
    enrollment_revoke(enrollment=enrollment, reason="Refunded")
    users["refunded"] = refunded
    world.orders["refunded"] = order

    assistant = UserFactory(email="assistant@example.com")
    assistant.groups.add(Group.objects.get(name=ASSISTANT))
    users["assistant"] = assistant
    instructor = UserFactory(email="instructor@example.com")
    instructor.groups.add(Group.objects.get(name=INSTRUCTOR))
    users["instructor"] = instructor
    users["superuser"] = SuperuserFactory(email="admin@example.com")

    world.invitation = Invitation.objects.create(
        email="invited@example.com",
        course=paid.course,
        first_name="Ivy",
        last_name="Invited",
        invited_by=users["superuser"],
    )
    world.post, world.report = _discussion(world)
    world.announcement = Announcement.objects.create(
        course=free_course,
        subject="Live session on Friday",
        body="Join us at noon.",
        body_html="<p>Join us at noon.</p>",
        sent_by=users["instructor"],
        recipient_count=1,
    )
    world.learner_request = LearnerRequest.objects.create(
        user=users["enrolled"],
        kind=LearnerRequestKind.GRIEVANCE,
        course=paid.course,
        message="The post-test would not load.",
    )
    for role in ROLES:
        world.client(role)
    return world


def _discussion(world: World) -> tuple[Post, PostReport]:
    """A question by the enrolled learner under the paid lesson, and a report."""
    post = Post.objects.create(
        page=world.paid_lesson,
        course=world.paid.course,
        author=world.users["enrolled"],
        kind="question",
        source="Where do I start an intake?",
        html="<p>Where do I start an intake?</p>",
    )
    report = PostReport.objects.create(
        post=post, reporter=world.users["revoked"], reason="Names a client."
    )
    return post, report


def world_fixture(django_db_setup, django_db_blocker):
    """Build the world in an outer transaction, rolled back after the module."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield world_build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# Routes ------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One URL pattern of the project, as Django's resolver lists it."""

    name: str  # "namespace:name", or the pattern text when it has no name
    pattern: str  # the full pattern text, for messages
    callback: object
    params: tuple[str, ...]


def _walk(patterns, prefix="", namespace=""):
    from django.urls import URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            continue
        full = prefix + str(pattern.pattern)
        name = pattern.name
        if name and namespace:
            name = f"{namespace}:{name}"
        params = tuple(
            dict.fromkeys(
                [
                    *getattr(pattern.pattern, "converters", {}),
                    *pattern.pattern.regex.groupindex,
                ]
            )
        )
        yield full, name, pattern.callback, params


def routes_all() -> list[Route]:
    """Every URL pattern, depth first, with the parameters of its own part.

    Parameters of enclosing includes are collected by reversing (see
    ``route_url``); the project's includes have none.
    """
    from django.urls import get_resolver

    seen: dict[str, Route] = {}
    for full, name, callback, params in _walk(get_resolver().url_patterns):
        key = name or full
        if key not in seen:  # the first pattern of a name is the one reverse uses
            seen[key] = Route(key, full, callback, params)
    return list(seen.values())


def route_kwargs(world: World, route: Route) -> dict:
    """Real objects of the world for the URL parameters of ``route``."""
    name = route.name
    cert = world.certificate
    enrolled = world.users["enrolled"]
    order = world.orders["enrolled"]
    by_namespace = {
        "ce_certificates": cert.pk,
        "courses_certificate_revoke": cert.pk,
        "courses_certificate_reissue": cert.pk,
        "ce_evaluations": world.evaluation.pk,
        "learners": enrolled.pk,
        "lessons_learner_quiz_attempts_grant": enrolled.pk,
        "wagtailusers_users": enrolled.pk,
        "quiz_attempts": world.attempt.pk,
        "courses_invitations": world.invitation.pk,
        "discussion_posts": world.post.pk,
        "announcements": world.announcement.pk,
        "learner_requests": world.learner_request.pk,
        "orders": order.pk,
        "payments_order_refund": order.pk,
        "wagtailsnippets_courses_approval": world.paid.approval.pk,
        "wagtailsnippets_courses_instructor": world.paid.course.instructor_id,
    }
    values = {
        "course_id": world.paid.course.pk,
        "order_id": order.pk,
        "serial": cert.serial,
        "code": cert.serial,
        "page_id": world.paid_lesson.pk,
        "parent_page_id": world.paid_module.pk,
        "enrollment_pk": world.enrollment.pk,
        "post_id": world.post.pk,
        "kind": "grievance",
    }
    kwargs = {}
    for param in route.params:
        if param in values:
            kwargs[param] = values[param]
        elif param == "pk" and name.split(":")[0] in by_namespace:
            kwargs[param] = by_namespace[name.split(":")[0]]
        else:
            kwargs[param] = "1"
    return kwargs


def route_url(world: World, route: Route) -> str | None:
    """The URL to request for ``route``, or None when it cannot be reversed."""
    from django.urls import NoReverseMatch, reverse

    if route.name == route.pattern:  # unnamed: request the pattern as written
        return "/" + route.pattern if "<" not in route.pattern else None
    if route.name == "wagtail_serve":
        return "/"
    if route.name == "wagtaildocs_serve":  # positional groups: document id, name
        return reverse(route.name, args=[1, "x.txt"])
    kwargs = route_kwargs(world, route)
    for attempt in (kwargs, dict.fromkeys(kwargs, "x"), dict.fromkeys(kwargs, "1-x")):
        try:
            return reverse(route.name, kwargs=attempt)
        except NoReverseMatch:
            continue
    return None
