"""Lessons and the documents they attach. Page factories need ``parent=``."""

from __future__ import annotations

from wagtail.documents import get_document_model
from wagtail.models import Collection

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from lessons.models import LessonPage


def paragraph(text: str) -> list[tuple[str, str]]:
    """A lesson body of one paragraph, as StreamField accepts it on assignment."""
    return [("paragraph", f"<p>{text}</p>")]


def body_marker(slug: str) -> str:
    """Text that appears only in the body of the lesson with this slug."""
    return f"SECRET-BODY-TEXT-{slug}"


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = factory.LazyAttribute(lambda o: f"What {o.title} is about.")
    body = factory.LazyAttribute(lambda o: paragraph(body_marker(o.slug)))

    class Meta:
        model = LessonPage


class DocumentFactory(DjangoModelFactory):
    """A small text document in the root collection."""

    title = "Intake checklist"
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(
        data=b"DOCUMENT-BYTES: intake checklist\n", filename="checklist.txt"
    )

    class Meta:
        model = get_document_model()
