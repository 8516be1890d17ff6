"""Pages seeded as drafts (``draft: true``): the accessibility statement.

The statement is saved for the instructor to review: visitors get a 404 until
she publishes it, a second seed leaves it a draft, and once published it is
an ordinary page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.models import ContentPage
from demo.content_files import CONTENT, academy_read
from demo.directives import ContentError
from tests.demo.academy import seed

STATEMENT = "accessibility"


def statement() -> ContentPage:
    return ContentPage.objects.get(slug=STATEMENT)


def statement_text(page: ContentPage) -> str:
    texts = []
    for block in page.get_latest_revision_as_object().body:
        callout = block.block_type == "callout"
        texts.append(block.value["text"].source if callout else str(block.value))
    return " ".join(texts)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_academy")
class TestTheAccessibilityStatement:
    def test_is_saved_as_a_draft_that_visitors_cannot_see(self, client):
        page = statement()

        assert not page.live
        assert page.has_unpublished_changes
        assert page.latest_revision is not None
        assert client.get(f"/{STATEMENT}/").status_code == 404

    def test_opens_with_a_note_for_the_instructor(self):
        first = statement().get_latest_revision_as_object().body[0]

        assert first.block_type == "callout"
        assert first.value["title"].startswith("For the instructor: review")
        assert "counsel" in first.value["text"].source

    def test_states_the_target_how_to_report_and_the_alternatives(self):
        text = statement_text(statement())

        assert "WCAG) 2.2 at level AA" in text
        assert "support@example.com" in text  # how to report a barrier
        assert "within 2 business days" in text  # when to expect an answer
        assert "large print" in text  # other formats
        assert "/requests/accommodation/" in text

    def test_a_second_seed_leaves_it_a_draft(self):
        seed()

        assert ContentPage.objects.filter(slug=STATEMENT).count() == 1
        assert not statement().live

    def test_once_published_visitors_read_it(self, client):
        statement().get_latest_revision().publish()

        response = client.get(f"/{STATEMENT}/")

        assert response.status_code == 200
        assert "Accessibility statement" in response.content.decode()


def test_a_draft_setting_that_is_not_true_or_false_names_the_file(tmp_path: Path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    path = root / "pages" / "07-accessibility.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("draft: true", "draft: later"),
        encoding="utf-8",
    )

    with pytest.raises(ContentError, match=r"07-accessibility\.md: draft: write true"):
        academy_read(root)


def test_pages_without_the_setting_are_not_drafts():
    pages = {page.slug: page.draft for page in academy_read().pages}

    assert pages.pop(STATEMENT) is True
    assert pages and not any(pages.values())
