"""/sitemap.xml lists what a search engine may read: courses and free previews."""

from __future__ import annotations

import pytest

from tests.lessons.factories import LessonPageFactory


@pytest.fixture
def sitemap(client, course, preview_lesson, lesson, module):
    LessonPageFactory(parent=module, slug="draft-lesson", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def test_sitemap_lists_the_course_page(sitemap, course):
    assert f"{course.url}</loc>" in sitemap


def test_sitemap_lists_free_preview_lessons(sitemap, preview_lesson):
    assert f"{preview_lesson.url}</loc>" in sitemap


def test_sitemap_leaves_out_gated_lessons(sitemap, lesson):
    assert lesson.url not in sitemap


def test_sitemap_leaves_out_drafts(sitemap):
    assert "draft-lesson" not in sitemap
