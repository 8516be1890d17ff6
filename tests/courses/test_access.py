"""The access policy, end to end: who sees which lesson and which document.

The world: a free course (A) with a free-preview lesson, a gated lesson that
attaches a document, a draft lesson, and a live lesson under a draft module; a
paid course (B) with a gated lesson that attaches another document. The people:
a visitor, a signed-in learner enrolled nowhere, a learner enrolled in A, a
learner whose enrollment in A was revoked, and a staff editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

import pytest

from core.models import ContentPage
from courses.access import Reason, item_access
from tests.courses.factories import ModulePageFactory
from tests.lessons.factories import (
    DocumentFactory,
    LessonPageFactory,
    body_marker,
    paragraph,
)


@dataclass
class World:
    course_a: object
    course_b: object
    pages: dict
    documents: dict
    users: dict


@pytest.fixture
def world(
    course, paid_course, module, learner, enrolled_learner, revoked_learner, editor
):
    handout = DocumentFactory(
        title="Handout",
        file__data=b"DOCUMENT-BYTES: handout\n",
        file__filename="handout.txt",
    )
    workbook = DocumentFactory(
        title="Workbook",
        file__data=b"DOCUMENT-BYTES: workbook\n",
        file__filename="workbook.txt",
    )

    def with_document(slug, document):
        return [
            *paragraph(body_marker(slug)),
            ("document", {"document": document, "description": "Read first."}),
        ]

    preview = LessonPageFactory(parent=module, slug="preview", is_free_preview=True)
    gated = LessonPageFactory(
        parent=module, slug="gated", body=with_document("gated", handout)
    )
    draft = LessonPageFactory(parent=module, slug="draft", live=False)
    draft_module = ModulePageFactory(parent=course, slug="draft-module", live=False)
    under_draft_module = LessonPageFactory(parent=draft_module, slug="orphan")
    paid_module = ModulePageFactory(parent=paid_course, slug="paid-module")
    other_course = LessonPageFactory(
        parent=paid_module,
        slug="paid-lesson",
        body=with_document("paid-lesson", workbook),
    )
    return World(
        course_a=course,
        course_b=paid_course,
        pages={
            "preview": preview,
            "lesson": gated,
            "draft": draft,
            "under_draft_module": under_draft_module,
            "other_course": other_course,
        },
        documents={
            "document": (handout, gated),
            "other_course_document": (workbook, other_course),
        },
        users={
            "anonymous": None,
            "outsider": learner,
            "enrolled": enrolled_learner,
            "revoked": revoked_learner,
            "editor": editor,
        },
    )


def _client(world: World, who: str) -> Client:
    client = Client()
    if world.users[who] is not None:
        client.force_login(world.users[who])
    return client


USERS = ("anonymous", "outsider", "enrolled", "revoked", "editor")

# target -> expected status per user, in the order of USERS.
# "enrolled" and "revoked" hold (or held) an enrollment in course A only.
LESSON_MATRIX = {
    "preview": (200, 200, 200, 200, 200),
    "lesson": (403, 403, 200, 403, 200),
    # Drafts are 404 for everyone, editors included: they use the admin preview.
    "draft": (404, 404, 404, 404, 404),
    # Wagtail routes through a draft module to a live lesson; the policy refuses it.
    "under_draft_module": (404, 404, 404, 404, 404),
    "other_course": (403, 403, 403, 403, 200),
}
DOCUMENT_MATRIX = {
    "document": (403, 403, 200, 403, 200),
    "other_course_document": (403, 403, 403, 403, 200),
}


def _cases(matrix):
    return [
        pytest.param(target, who, status, id=f"{target}-{who}-{status}")
        for target, statuses in matrix.items()
        for who, status in zip(USERS, statuses, strict=True)
    ]


@pytest.mark.parametrize(("target", "who", "expected"), _cases(LESSON_MATRIX))
def test_lesson_access_matrix(world, target, who, expected):
    # Given a lesson and a person
    page = world.pages[target]
    marker = body_marker(page.slug)

    # When they open the lesson
    response = _client(world, who).get(page.url)

    # Then they get the expected status, and the body only when allowed
    assert response.status_code == expected
    content = response.content.decode()
    if expected == 200:
        assert marker in content
    else:
        assert marker not in content


@pytest.mark.parametrize(
    ("target", "who", "expected"),
    [case for case in _cases(LESSON_MATRIX) if case.values[2] == 403],
)
def test_refused_lesson_shows_its_course_call_to_action(world, target, who, expected):
    # Given a lesson this person may not read
    page = world.pages[target]

    # When they open it
    response = _client(world, who).get(page.url)

    # Then they see the call to action of the lesson's own course:
    # enroll in the free course, the price of the paid one
    assert response.status_code == 403
    course = world.course_b if target == "other_course" else world.course_a
    assert response.context["course"].pk == course.pk
    content = response.content.decode()
    assert course.title in content
    if course.is_free:
        assert reverse("enroll", args=[course.pk]) in content
    else:
        assert course.price_display in content


@pytest.mark.parametrize(("target", "who", "expected"), _cases(DOCUMENT_MATRIX))
def test_document_access_matrix(world, target, who, expected):
    # Given a document attached to a gated lesson
    document, _lesson = world.documents[target]
    with document.file.open("rb") as handle:
        file_bytes = handle.read()

    # When a person fetches it through Wagtail's document URL
    response = _client(world, who).get(document.url)

    # Then only those who may read the lesson get the file
    assert response.status_code == expected
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if expected == 200:
        assert body == file_bytes
    else:
        assert file_bytes not in body


def test_refused_lesson_is_never_cached_publicly(world):
    # Given a gated lesson and a visitor
    # When the visitor is refused
    response = Client().get(world.pages["lesson"].url)

    # Then the refusal is not stored by shared caches
    assert response.status_code == 403
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_document_used_by_no_published_page_is_refused_to_visitors(db):
    # Given a document no published page uses yet (uploaded for a draft)
    document = DocumentFactory(file__data=b"draft", file__filename="draft.txt")

    # When a visitor fetches it
    response = Client().get(document.url)

    # Then it is refused
    assert response.status_code == 403


def test_document_used_by_no_published_page_is_served_to_editors(editor):
    # Given a document no published page uses yet
    document = DocumentFactory(file__data=b"draft", file__filename="draft.txt")
    client = Client()
    client.force_login(editor)

    # When an editor fetches it (to preview a draft)
    response = client.get(document.url)

    # Then it is served
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"draft"


def test_document_used_by_a_published_content_page_is_served_to_anyone(home_page):
    # Given a public page (a syllabus page) that links a document
    document = DocumentFactory(file__data=b"syllabus", file__filename="syllabus.txt")
    page = ContentPage(
        title="Syllabus",
        slug="syllabus",
        body=[
            ("paragraph", f'<p><a linktype="document" id="{document.pk}">PDF</a></p>')
        ],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()

    # When a visitor fetches it
    response = Client().get(document.url)

    # Then it is served as usual
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"syllabus"


# The policy function itself, with its reasons.

POLICY_CASES = [
    ("anonymous", "preview", Reason.FREE_PREVIEW),
    ("outsider", "preview", Reason.FREE_PREVIEW),
    ("anonymous", "lesson", Reason.LOGIN_REQUIRED),
    ("outsider", "lesson", Reason.NOT_ENROLLED),
    ("enrolled", "lesson", Reason.ENROLLED),
    ("revoked", "lesson", Reason.REVOKED),
    ("revoked", "preview", Reason.FREE_PREVIEW),
    ("editor", "lesson", Reason.EDITOR),
    ("editor", "draft", Reason.UNPUBLISHED),
    ("editor", "under_draft_module", Reason.UNPUBLISHED),
    ("anonymous", "draft", Reason.UNPUBLISHED),
    ("enrolled", "draft", Reason.UNPUBLISHED),
    ("enrolled", "under_draft_module", Reason.UNPUBLISHED),
    ("enrolled", "other_course", Reason.NOT_ENROLLED),
    ("revoked", "other_course", Reason.NOT_ENROLLED),
]


@pytest.mark.parametrize(
    ("who", "target", "reason"),
    [pytest.param(*case, id=f"{case[0]}-{case[1]}-{case[2]}") for case in POLICY_CASES],
)
def test_item_access_reason(world, who, target, reason):
    # Given a person and a lesson
    user = world.users[who] or AnonymousUser()
    page = world.pages[target]

    # When the policy decides
    decision = item_access(user=user, page=page)

    # Then it gives the expected reason, and allows exactly the allowing reasons
    assert decision.reason == reason
    assert decision.allowed is (
        reason in {Reason.EDITOR, Reason.FREE_PREVIEW, Reason.ENROLLED}
    )


def test_item_access_names_the_lesson_course(world):
    # Given a lesson of course B
    # When the policy decides for a learner of course A
    decision = item_access(
        user=world.users["enrolled"], page=world.pages["other_course"]
    )

    # Then the decision names course B, whose call to action applies
    assert decision.course.pk == world.course_b.pk
    assert decision.enrollment is None


def test_item_access_returns_the_active_enrollment(world):
    decision = item_access(user=world.users["enrolled"], page=world.pages["lesson"])

    assert decision.enrollment is not None
    assert decision.enrollment.user == world.users["enrolled"]
    assert decision.enrollment.course_id == world.course_a.pk


def test_item_access_refuses_a_lesson_of_a_draft_course(
    course, module, enrolled_learner
):
    # Given a live lesson of a course that was unpublished after enrollment
    lesson = LessonPageFactory(parent=module, slug="still-live")
    course.unpublish()

    # When the policy decides for an enrolled learner
    decision = item_access(user=enrolled_learner, page=lesson)

    # Then the lesson is unpublished for them
    assert decision.reason == Reason.UNPUBLISHED
    assert not decision.allowed


def test_item_access_on_a_page_outside_any_course(home_page, learner):
    # Given a page with no course above it
    # When the policy decides
    decision = item_access(user=learner, page=home_page)

    # Then it refuses as unpublished, naming no course
    assert decision.reason == Reason.UNPUBLISHED
    assert decision.course is None


def test_document_in_an_unpublished_revision_of_a_gated_lesson_is_refused(lesson):
    # Given a gated lesson whose draft (not yet published) adds a document
    document = DocumentFactory(file__data=b"paid handout", file__filename="paid.txt")
    lesson.body = [
        *paragraph(body_marker(lesson.slug)),
        ("document", {"document": document, "description": ""}),
    ]
    lesson.save_revision()

    # When a visitor fetches the document
    response = Client().get(document.url)

    # Then it is refused like the lesson will be
    assert response.status_code == 403
