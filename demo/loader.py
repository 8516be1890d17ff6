"""Build the demo academy from demo/content/: users, site, catalog, two courses
and the site's pages.

The files are read and checked first (``demo.content_files``), so a broken file
stops the load before anything is written. Every step then looks for what it
would create and leaves an existing object alone, so running the loader again
creates nothing new and never overwrites what an instructor has since edited.
Each body is cleaned by its StreamField's block (``LessonStreamBlock``,
``QuizQuestionsBlock``, …) before its page is created. The whole load runs in
one transaction.

By journey, beside this module: ``accounts_seed`` (the demo people),
``site_seed`` (home page, site, any page by slug) and ``ce_seed`` (the CE
details and the demo learner's finished course and certificate).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.models import ContentPage
from courses.models import (
    CourseIndexPage,
    CoursePage,
    EnrollmentSource,
    Instructor,
    ModulePage,
)
from courses.services import enrollment_grant
from demo.accounts_seed import assistant_ensure, user_ensure
from demo.ce_seed import ce_details_ensure, learner_certificate_ensure
from demo.content_files import CONTENT, Academy, PageSpec, academy_read
from demo.directives import ContentError, FileRef
from demo.page_fields import page_clean, page_fields
from demo.site_seed import default_site_ensure, home_page_ensure, items_ensure
from demo.site_seed import page_ensure as _page_ensure
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


MODELS = {"lesson": LessonPage, "quiz": QuizPage}


def demo_academy_seed(root: Path = CONTENT) -> SeedReport:
    """Create whatever part of the demo academy is missing, and nothing else.

    Idempotent: users are found by email (the password is set only on
    creation), pages by slug under their parent, the instructor snippet by
    name, documents and images by title; the learner's free enrollment goes
    through ``enrollment_grant``, which is idempotent itself. Raises
    ``ContentError`` (naming the file) for a file that cannot be loaded.
    """
    academy = academy_read(root)
    with transaction.atomic():
        return _seed(academy)


def _seed(academy: Academy) -> SeedReport:
    report = SeedReport()
    people = academy.people
    loader = _Loader(report)
    instructor_user = user_ensure(people["instructor"], report, superuser=True)
    learner = user_ensure(people["learner"], report, superuser=False)
    assistant_ensure(people["assistant"], report)
    loader.user = instructor_user

    home = home_page_ensure(academy.home, loader.page_ensure, report)
    default_site_ensure(home, academy.site_name, report)
    catalog = loader.page_ensure(home, CourseIndexPage, academy.catalog)
    instructor = _instructor_ensure(people["course_instructor"], report)

    courses = [
        _course_ensure(catalog, spec, instructor, loader) for spec in academy.courses
    ]
    for spec in academy.pages:
        loader.page_ensure(home, ContentPage, spec)
    for course, spec in zip(courses, academy.courses, strict=True):
        if spec.ce:
            ce_details_ensure(course, spec.ce, instructor_user, report)

    # The demo learner takes the first course its file makes free.
    free = [
        course
        for course, spec in zip(courses, academy.courses, strict=True)
        if not spec.fields.get("price_amount")
    ]
    if free:
        enrollment, changed = enrollment_grant(
            user=learner, course=free[0], source=EnrollmentSource.FREE
        )
        if changed:
            report.created["enrollment"] += 1
        learner_certificate_ensure(learner, free[0], enrollment, report)
    report.logins = [
        people[key]["email"] for key in ("instructor", "learner", "assistant")
    ]
    return report


class _Loader:
    """Builds pages from specs, finding or creating the files they name."""

    def __init__(self, report: SeedReport):
        self.report = report
        self.user = None

    def page_ensure(self, parent, model, spec: PageSpec, *, before=None, extra=None):
        """The page of ``spec`` under ``parent``, created if missing.

        Its fields are built and validated on every run, so a broken file
        fails the load even when its page exists already.
        """
        fields = {**page_fields(model, spec, self.resolve), **(extra or {})}
        page = model(slug=spec.slug, **fields)
        page_clean(page, spec)
        return _page_ensure(
            parent, page, self.user, self.report, before=before, draft=spec.draft
        )

    def resolve(self, block_name: str, value, spec: PageSpec):
        """A block's value with its handout or image as the id a chooser stores."""
        if block_name == "document":
            document = self._document_ensure(value["document"], spec)
            return {**value, "document": document.pk}
        if block_name == "figure":
            ref = value["image"]
            image = self._image_ensure(ref, spec)
            return {
                "image": {"image": image.pk, "alt_text": ref.alt, "decorative": False},
                "caption": value["caption"],
            }
        return value

    def _document_ensure(self, ref: FileRef, spec: PageSpec):
        Document = get_document_model()  # noqa: N806
        document = Document.objects.filter(title=ref.title).first()
        if document is None:
            document = Document(
                title=ref.title,
                file=ContentFile(_read(ref, spec), name=ref.path.name),
            )
            document._set_document_file_metadata()
            document.save()
            self.report.created["document"] += 1
        return document

    def _image_ensure(self, ref: FileRef, spec: PageSpec):
        Image = get_image_model()  # noqa: N806
        image = Image.objects.filter(title=ref.title).first()
        if image is None:
            image = Image(
                title=ref.title, file=ContentFile(_read(ref, spec), name=ref.path.name)
            )
            image._set_image_file_metadata()
            image.save()
            self.report.created["image"] += 1
        return image


def _read(ref: FileRef, spec: PageSpec) -> bytes:
    if not ref.path.is_file():
        raise ContentError(f"{spec.source}: the file {ref.path.name} is not beside it.")
    return ref.path.read_bytes()


def _instructor_ensure(spec: dict, report: SeedReport) -> Instructor:
    instructor = Instructor.objects.filter(name=spec["name"]).first()
    if instructor is None:
        instructor = Instructor.objects.create(**spec)
        report.created["instructor"] += 1
    return instructor


def _course_ensure(
    catalog: CourseIndexPage, spec: PageSpec, instructor: Instructor, loader: _Loader
) -> CoursePage:
    report = loader.report
    course = loader.page_ensure(
        catalog, CoursePage, spec, extra={"instructor": instructor}
    )
    report.courses += 1
    for module_spec in spec.children:
        module = loader.page_ensure(course, ModulePage, module_spec)
        report.modules += 1
        items = [(MODELS[item.kind], item) for item in module_spec.children]
        items_ensure(module, items, loader.page_ensure)
        report.lessons += sum(item.kind == "lesson" for item in module_spec.children)
        report.quizzes += sum(item.kind == "quiz" for item in module_spec.children)
    return course
