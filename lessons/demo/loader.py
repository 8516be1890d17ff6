"""Build the demo academy: users, site, catalog, two courses and site pages.

Every step looks for what it would create and leaves an existing object alone,
so running the loader again creates nothing new and never overwrites what an
instructor has since edited. The whole load runs in one transaction.

By journey, beside this module: ``accounts_seed`` (the demo people),
``site_seed`` (home page, site, any page by slug) and ``ce_seed`` (the CE
details and the demo learner's finished course and certificate).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.models import Page

from accounts.models import User
from core.models import ContentPage
from courses.models import (
    CourseIndexPage,
    CoursePage,
    EnrollmentSource,
    Instructor,
    ModulePage,
)
from courses.services import (
    enrollment_grant,
)
from lessons.demo import documents, people, site_pages
from lessons.demo.accounts_seed import assistant_ensure, user_ensure
from lessons.demo.ce_seed import ce_details_ensure, learner_certificate_ensure
from lessons.demo.free_course import COURSE as FREE_COURSE
from lessons.demo.markup import DocumentRef
from lessons.demo.paid_course import COURSE as PAID_COURSE
from lessons.demo.site_seed import (
    default_site_ensure,
    home_page_ensure,
    page_ensure,
    spec_slug,
)
from lessons.models import LessonPage, QuizPage


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
    instructor_user = user_ensure(people.INSTRUCTOR_USER, report, superuser=True)
    learner = user_ensure(people.LEARNER_USER, report, superuser=False)
    assistant_ensure(report)

    home = home_page_ensure(instructor_user, report)
    default_site_ensure(home, report)
    catalog = page_ensure(
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
        page_ensure(home, ContentPage, spec, instructor_user, report)

    for spec in (FREE_COURSE, PAID_COURSE):
        if spec.get("ce"):
            ce_details_ensure(
                courses[spec["slug"]], spec["ce"], instructor_user, report
            )

    free = courses[FREE_COURSE["slug"]]
    enrollment, changed = enrollment_grant(
        user=learner, course=free, source=EnrollmentSource.FREE
    )
    if changed:
        report.created["enrollment"] += 1
    learner_certificate_ensure(learner, free, enrollment, report)
    report.logins = [
        people.INSTRUCTOR_USER["email"],
        people.LEARNER_USER["email"],
        people.ASSISTANT_USER["email"],
    ]
    return report


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
    course = page_ensure(
        catalog, CoursePage, {**spec, "instructor": instructor}, user, report
    )
    report.courses += 1
    for module_spec in spec["modules"]:
        module = page_ensure(course, ModulePage, module_spec, user, report)
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
    slugs = [spec_slug(spec) for _model, spec in items]
    present = set(
        Page.objects.child_of(module)
        .filter(slug__in=slugs)
        .values_list("slug", flat=True)
    )
    for index, (model, spec) in enumerate(items):
        before = None
        if slugs[index] not in present:
            before = next((s for s in slugs[index + 1 :] if s in present), None)
        page_ensure(module, model, spec, user, report, before=before)


# Continuing education ---------------------------------------------------------
