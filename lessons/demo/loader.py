"""Build the demo academy: users, site, catalog, two courses and site pages.

Every step looks for what it would create and leaves an existing object alone,
so running the loader again creates nothing new and never overwrites what an
instructor has since edited. The whole load runs in one transaction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page, Site

from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.services import profile_get_or_create, profile_update
from core.models import ContentPage, HomePage
from courses.models import (
    Approval,
    Certificate,
    CourseCredit,
    CourseEvaluation,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    EnrollmentSource,
    Instructor,
    ModulePage,
)
from courses.roles import ASSISTANT, roles_sync
from courses.services import (
    course_completion_attempt,
    enrollment_grant,
    evaluation_submit,
)
from lessons.demo import documents, people, site_pages
from lessons.demo.free_course import COURSE as FREE_COURSE
from lessons.demo.markup import DocumentRef
from lessons.demo.paid_course import COURSE as PAID_COURSE
from lessons.models import ItemCompletion, LessonPage, QuizPage
from lessons.services import (
    QuizError,
    item_complete,
    quiz_attempt_start,
    quiz_attempt_submit,
)

DEMO_PASSWORD = "practicum-demo"  # noqa: S105 (a published demo password)


class DemoTreeConflict(Exception):
    """A page the demo needs exists at its address but is of another type."""


@dataclass
class SeedReport:
    """What the load found and what it had to create."""

    created: Counter = field(default_factory=Counter)  # by kind, in the singular
    courses: int = 0
    modules: int = 0
    lessons: int = 0
    quizzes: int = 0
    logins: list[str] = field(default_factory=list)
    welcome_page_removed: bool = False

    @property
    def created_anything(self) -> bool:
        return any(self.created.values())


@transaction.atomic
def demo_academy_seed() -> SeedReport:
    """Create whatever part of the demo academy is missing, and nothing else.

    Idempotent: users are found by email (the password is set only on
    creation), pages by slug under their parent, the instructor snippet by
    name, documents by title; the learner's free enrollment goes through
    ``enrollment_grant``, which is idempotent itself.
    """
    report = SeedReport()
    instructor_user = _user_ensure(people.INSTRUCTOR_USER, report, superuser=True)
    learner = _user_ensure(people.LEARNER_USER, report, superuser=False)
    _assistant_ensure(report)

    home = _home_page_ensure(instructor_user, report)
    _default_site_ensure(home, report)
    catalog = _page_ensure(
        home, CourseIndexPage, site_pages.COURSE_INDEX, instructor_user, report
    )
    instructor = _instructor_ensure(report)
    docs = {key: _document_ensure(key, report) for key in documents.DOCUMENTS}

    courses = {}
    for spec in (FREE_COURSE, PAID_COURSE):
        courses[spec["slug"]] = _course_ensure(
            catalog, spec, instructor, docs, instructor_user, report
        )
    for spec in site_pages.PAGES:
        _page_ensure(home, ContentPage, spec, instructor_user, report)

    for spec in (FREE_COURSE, PAID_COURSE):
        if spec.get("ce"):
            _ce_details_ensure(
                courses[spec["slug"]], spec["ce"], instructor_user, report
            )

    free = courses[FREE_COURSE["slug"]]
    enrollment, changed = enrollment_grant(
        user=learner, course=free, source=EnrollmentSource.FREE
    )
    if changed:
        report.created["enrollment"] += 1
    _learner_certificate_ensure(learner, free, enrollment, report)
    report.logins = [
        people.INSTRUCTOR_USER["email"],
        people.LEARNER_USER["email"],
        people.ASSISTANT_USER["email"],
    ]
    return report


# Users ----------------------------------------------------------------------


def _user_ensure(spec: dict, report: SeedReport, *, superuser: bool) -> User:
    email = spec["email"]
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        create = (
            User.objects.create_superuser if superuser else User.objects.create_user
        )
        user = create(
            email=email,
            password=DEMO_PASSWORD,
            first_name=spec["first_name"],
            last_name=spec["last_name"],
        )
        report.created["user"] += 1
        if spec.get("profile"):
            profile_update(user=user, data=spec["profile"])
        else:
            profile_get_or_create(user=user)
    address, created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if created:
        report.created["email address"] += 1
    elif not (address.verified and address.primary):
        # The contract says the demo logins work at once: no verification mail.
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user


def _assistant_ensure(report: SeedReport) -> User:
    """The demo assistant: in the Assistant group, which gives the admin read-only.

    Only a newly created assistant joins the group: an existing account is
    left as it is. The group comes from the roles migration; if it has gone
    (a flushed database), ``roles_sync`` puts it back.
    """
    spec = people.ASSISTANT_USER
    existed = User.objects.filter(email__iexact=spec["email"]).exists()
    user = _user_ensure(spec, report, superuser=False)
    if not existed:
        group = Group.objects.filter(name=ASSISTANT).first()
        if group is None:
            roles_sync(apps)
            group = Group.objects.get(name=ASSISTANT)
        user.groups.add(group)
    return user


# Site and pages -------------------------------------------------------------


def _welcome_pages():
    """Wagtail's "Welcome to your new Wagtail site!" page, if it is still there."""
    return Page.objects.filter(
        depth=2, content_type=ContentType.objects.get_for_model(Page)
    )


def _home_page_ensure(user: User, report: SeedReport) -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    welcome = list(_welcome_pages())
    if welcome:
        # Sites point at the welcome page (deleting it would delete them, too),
        # and it holds the slug "home": park the sites on the root meanwhile.
        for site in Site.objects.filter(root_page__in=welcome):
            site.root_page = root
            site.save(update_fields=["root_page"])
        for page in welcome:
            page.delete()
        report.welcome_page_removed = True
    home = _page_ensure(root, HomePage, site_pages.HOME, user, report)
    for site in Site.objects.filter(root_page=root):
        site.root_page = home
        site.save(update_fields=["root_page"])  # save() clears the site-root cache
    return home


def _default_site_ensure(home: HomePage, report: SeedReport) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            site_name=site_pages.SITE_NAME,
            root_page=home,
            is_default_site=True,
        )
        report.created["site"] += 1
        return site
    changed = []
    if site.root_page_id != home.pk:
        site.root_page = home
        changed.append("root_page")
    if not site.site_name:
        site.site_name = site_pages.SITE_NAME
        changed.append("site_name")
    if changed:
        site.save(update_fields=changed)  # clears Wagtail's site-root cache
    return site


def _publish_new(
    parent: Page, page: Page, user: User, *, before: Page | None = None
) -> Page:
    if before is None:
        parent.add_child(instance=page)
    else:
        before.add_sibling(pos="left", instance=page)
    log(instance=page, action="wagtail.create", user=user)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def _slug(spec: dict) -> str:
    return spec.get("slug") or slugify(spec["title"])


def _page_ensure(
    parent: Page,
    model: type[Page],
    spec: dict,
    user: User,
    report: SeedReport,
    *,
    before: str | None = None,
) -> Page:
    """The child of ``parent`` at ``spec["slug"]``, created and published if absent.

    A new page is appended as the last child, or, with ``before``, placed just
    left of the existing sibling with that slug.
    """
    slug = _slug(spec)
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, model):
            raise DemoTreeConflict(
                f"{existing.url_path} is a {type(existing).__name__}, not a "
                f"{model.__name__}. Move or rename it, then run seed_demo again."
            )
        return existing
    fields = {k: v for k, v in spec.items() if k not in _NOT_FIELDS}
    page = model(slug=slug, **fields)
    anchor = None
    if before is not None:
        # Fresh from the database: an earlier insert may have moved its path.
        anchor = Page.objects.child_of(parent).filter(slug=before).first()
    _publish_new(parent, page, user, before=anchor)
    report.created["page"] += 1
    return page


# Keys in the content specs that describe children rather than page fields.
_NOT_FIELDS = {"slug", "modules", "lessons", "quizzes", "ce"}


# Courses --------------------------------------------------------------------


def _instructor_ensure(report: SeedReport) -> Instructor:
    spec = people.INSTRUCTOR
    instructor = Instructor.objects.filter(name=spec["name"]).first()
    if instructor is None:
        instructor = Instructor.objects.create(**spec)
        report.created["instructor"] += 1
    return instructor


def _document_ensure(key: str, report: SeedReport):
    spec = documents.DOCUMENTS[key]
    Document = get_document_model()  # noqa: N806
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        document = Document(
            title=spec["title"],
            file=ContentFile(spec["content"].encode("utf-8"), name=spec["filename"]),
        )
        document._set_document_file_metadata()
        document.save()
        report.created["document"] += 1
    return document


def _resolve_documents(body: list, docs: dict) -> list:
    resolved = []
    for name, value in body:
        if name == "document" and isinstance(value.get("document"), DocumentRef):
            value = {**value, "document": docs[value["document"].key]}
        resolved.append((name, value))
    return resolved


def _course_ensure(
    catalog: CourseIndexPage,
    spec: dict,
    instructor: Instructor,
    docs: dict,
    user: User,
    report: SeedReport,
) -> CoursePage:
    course = _page_ensure(
        catalog, CoursePage, {**spec, "instructor": instructor}, user, report
    )
    report.courses += 1
    for module_spec in spec["modules"]:
        module = _page_ensure(course, ModulePage, module_spec, user, report)
        report.modules += 1
        items = [
            (
                LessonPage,
                {**lesson, "body": _resolve_documents(lesson["body"], docs)},
            )
            for lesson in module_spec["lessons"]
        ]
        items += [(QuizPage, quiz) for quiz in module_spec.get("quizzes", ())]
        _items_ensure(module, items, user, report)
        report.lessons += len(module_spec["lessons"])
        report.quizzes += len(module_spec.get("quizzes", ()))
    return course


def _items_ensure(
    module: ModulePage,
    items: list[tuple[type[Page], dict]],
    user: User,
    report: SeedReport,
) -> None:
    """A module's lessons, then its quizzes, in the order the spec lists them.

    On a fresh module every item is appended, so the quizzes come last. When
    only some are missing (a lesson deleted since, or quizzes added to a demo
    seeded before they existed), each missing item goes just before the next
    item of the spec that is already there, or last if none is: a restored
    lesson returns to its place before the knowledge check. Pages an
    instructor added stay where they are.
    """
    slugs = [_slug(spec) for _model, spec in items]
    present = set(
        Page.objects.child_of(module)
        .filter(slug__in=slugs)
        .values_list("slug", flat=True)
    )
    for index, (model, spec) in enumerate(items):
        before = None
        if slugs[index] not in present:
            before = next((s for s in slugs[index + 1 :] if s in present), None)
        _page_ensure(module, model, spec, user, report, before=before)


# Continuing education ---------------------------------------------------------


def _ce_details_ensure(
    course: CoursePage, spec: dict, user: User, report: SeedReport
) -> None:
    """The course's credit lines and its (fictional) approval, if missing.

    Credit lines are added only to a course that has none; the approval
    snippet (with its kind, period and the formats it covers) is found by
    body and provider number, and attached only when this run had to create
    it, so an instructor who detaches or edits it keeps that edit. A change
    is published as a new revision, as the admin would.
    """
    approval_spec = {k: v for k, v in spec["approval"].items() if k != "period_days"}
    approval = Approval.objects.filter(
        body_name=approval_spec["body_name"],
        provider_number=approval_spec["provider_number"],
    ).first()
    attach = approval is None
    if approval is None:
        today = timezone.localdate()
        days = timedelta(days=spec["approval"]["period_days"])
        approval = Approval.objects.create(
            **approval_spec, period_start=today - days, period_end=today + days
        )
        report.created["approval"] += 1
    add_credits = not CourseCredit.objects.filter(course=course).exists()
    if not (attach or add_credits):
        return
    course = course.get_latest_revision_as_object()
    if add_credits:
        course.credits = [
            CourseCredit(credit_type=credit_type, hours=hours)
            for credit_type, hours in spec["credits"]
        ]
        report.created["credit line"] += len(spec["credits"])
    if attach:
        course.approvals.add(approval)
    course.save_revision(user=user, log_action=True).publish(user=user)


def _learner_certificate_ensure(
    learner: User, course: CoursePage, enrollment: Enrollment, report: SeedReport
) -> None:
    """The demo learner has finished the free course and holds its certificate.

    Only when they hold none yet: each item is completed, the knowledge checks
    passed and the evaluation submitted through the services, as the learner
    would, and the completion attempt issues the certificate.
    """
    if Certificate.objects.filter(enrollment=enrollment).exists():
        return
    for page in Page.objects.descendant_of(course).live().specific().order_by("path"):
        if isinstance(page, LessonPage):
            item_complete(user=learner, page=page, course=course)
        elif isinstance(page, QuizPage):
            if _quiz_passed(learner, page):
                continue
            try:
                attempt = quiz_attempt_start(user=learner, quiz=page, course=course)
            except QuizError:
                return  # attempts used up: leave the learner as they are
            answers = {q["id"]: list(q["correct"]) for q in attempt.snapshot}
            quiz_attempt_submit(attempt=attempt, answers=answers)
    if not CourseEvaluation.objects.filter(enrollment=enrollment).exists():
        objectives = [str(block.value) for block in course.learning_objectives]
        evaluation_submit(
            enrollment=enrollment,
            data={
                "objective_ratings": dict.fromkeys(objectives, 5),
                "relevance": 5,
                "content_quality": 5,
                "instructor_effectiveness": 4,
                "hours_spent": "1.0",
                "comments": "A clear first look at the work. (Demo evaluation.)",
            },
        )
        report.created["evaluation"] += 1
    if course_completion_attempt(user=learner, course=course) is not None:
        report.created["certificate"] += 1


def _quiz_passed(user: User, quiz: QuizPage) -> bool:
    return ItemCompletion.objects.filter(user=user, page_id=quiz.pk).exists()
