"""What the demo tests look up: the contract's addresses and logins, and the tree."""

from __future__ import annotations

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from allauth.account.models import EmailAddress

from courses.models import CoursePage, Enrollment, Instructor, ModulePage
from lessons.models import LessonPage, QuizPage

FREE = "/courses/mitigation-101/"
PAID = "/courses/foundations-of-mitigation-practice/"
INSTRUCTOR = "instructor@example.com"
LEARNER = "learner@example.com"
ASSISTANT = "assistant@example.com"
PASSWORD = "practicum-demo"


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "documents": get_document_model().objects.count(),
        "instructors": Instructor.objects.count(),
        "sites": Site.objects.count(),
        "quizzes": QuizPage.objects.count(),
    }


def course(path: str) -> CoursePage:
    return CoursePage.objects.get(url_path=f"/home{path}")


def lessons_of(page: Page) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(page).order_by("path"))


def children_of(module: Page) -> list[Page]:
    """The module's items, specific, in tree (outline) order."""
    return list(module.get_children().order_by("path").specific())


def paid_modules() -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course(PAID)).order_by("path"))
