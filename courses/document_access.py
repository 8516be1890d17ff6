"""Who may download a document (Wagtail's documents): the access policy's
rule for files, beside ``courses.access`` whose item decisions it applies.
The download hook (``lessons/wagtail_hooks.py``) asks it and renders the
answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex

from courses.access import AccessDecision, item_access, user_is_editor
from courses.models.items import CourseItem


@dataclass(frozen=True)
class DocumentAccess:
    """Whether a document may be downloaded; if not, the lesson that refuses it."""

    allowed: bool
    page: Page | None = None  # a course item that uses the document
    decision: AccessDecision | None = None  # why that item refused


def document_access(*, user, document) -> DocumentAccess:
    """Decide whether ``user`` may download ``document`` (Wagtail's documents).

    A document used by a lesson or quiz goes to those who may see that item
    (``item_access``); one used by another published page (a public syllabus,
    a course's sales page) goes to anyone; one that no published page uses yet
    (a handout in a draft) goes to editors only. Editors always get it, so
    previews work. A refusal names the first item that uses it, whose course's
    call to action is shown; with no item at all, ``page`` is None.
    """
    if user_is_editor(user):
        return DocumentAccess(allowed=True)
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    ]
    pages = list(Page.objects.live().filter(pk__in=page_ids).specific())
    items = [page for page in pages if isinstance(page, CourseItem)]
    if len(items) < len(pages):
        return DocumentAccess(allowed=True)  # a published page outside the items
    decision = None
    for item in items:
        decision = item_access(user=user, page=item)
        if decision.allowed:
            return DocumentAccess(allowed=True)
    return DocumentAccess(
        allowed=False, page=items[0] if items else None, decision=decision
    )
