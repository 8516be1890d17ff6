"""Videos in the demo academy: only confirmed ones, click-to-load, a light page.

A demo video must be a real, public, captioned video on the subject whose
address a published source confirms (issue 15): an invented id is not
acceptable. None has been confirmed, so the demo shows no video; the tests that
measure a lesson with a video add the test suite's public sample video to the
demo's first free lesson, as an instructor would in the editor.

The enrolled lesson page stays under 150 KB of HTML, CSS and JS. Measured on the
demo academy's free lesson with a video, as the enrolled demo learner, with
posts in its discussion: the page's HTML as served, plus every stylesheet and
script it links, read through the staticfiles finders (what the browser
downloads on a cold cache, uncompressed). Images, icons and fonts are not part
of the bound. The figures are printed so a change shows in the log.

Seeding takes a while, so the module seeds once inside a transaction that is
rolled back at the end (as tests/demo/test_seed_demo.py does).
"""

from __future__ import annotations

from html.parser import HTMLParser
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest

from lessons.models import LessonPage
from tests.lessons.test_video_block import is_off_site, loaded_urls, parse, video

pytestmark = pytest.mark.django_db

BUDGET = 150 * 1024
DEMO_LEARNER = "learner@example.com"
# Demo video addresses confirmed as real, public, captioned videos on the
# subject, each with the published source that confirms it. Add one only with
# its source.
CONFIRMED_DEMO_VIDEOS: dict[str, str] = {}


def with_a_sample_video(lesson: LessonPage) -> LessonPage:
    """``lesson`` with the test suite's sample video appended, published."""
    lesson = lesson.get_latest_revision_as_object()
    video_block = lesson.body.stream_block.child_blocks["video"]
    lesson.body.append(("video", video_block.to_python(video())))
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("seed-media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def video_lesson(seeded) -> LessonPage:
    """The free course's first lesson, with the sample video added."""
    return with_a_sample_video(LessonPage.objects.get(slug="what-mitigation-is"))


class Assets(HTMLParser):
    """The stylesheets and scripts a page links, in order, each once."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self._add(self.css, attrs["href"])
        elif tag == "script":
            assert attrs.get("src"), "an inline script on a public page"
            self._add(self.js, attrs["src"])

    @staticmethod
    def _add(found: list[str], url: str) -> None:
        if url not in found:
            found.append(url)


def static_bytes(url: str) -> bytes:
    assert url.startswith(settings.STATIC_URL), f"{url} is not one of our files"
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    assert path, f"{url} is linked but no static file has that name"
    with open(path, "rb") as file:
        content = file.read()
    # An @import would be downloaded too, and is not counted here.
    assert b"@import" not in content, f"{url} imports another stylesheet"
    return content


def test_the_demo_shows_no_video_with_an_unconfirmed_address(seeded):
    urls = [
        block.value["url"]
        for lesson in LessonPage.objects.order_by("path")
        for block in lesson.body
        if block.block_type == "video"
    ]

    assert [url for url in urls if url not in CONFIRMED_DEMO_VIDEOS] == []


def test_a_demo_lesson_video_renders_as_a_click_to_load_placeholder(
    client, video_lesson
):
    # The instructor sees every lesson, whatever its gate.
    client.force_login(get_user_model().objects.get(email="instructor@example.com"))

    html = client.get(video_lesson.url).content.decode()

    assert "data-video-play" in html
    assert "<iframe" not in html
    assert [url for url in loaded_urls(parse(html)) if is_off_site(url)] == []


def test_the_enrolled_lesson_page_with_a_video_weighs_under_150_kb(
    client, video_lesson
):
    from lessons.discussion.services import post_create
    from lessons.models import PostKind

    # Given the free course's lesson with a video, and a thread under it
    lesson = video_lesson
    assert "/mitigation-101/" in lesson.url
    learner = get_user_model().objects.get(email=DEMO_LEARNER)
    question = post_create(
        user=learner,
        page=lesson,
        source="Which records do you request **first**?\n\n- school\n- medical",
        kind=PostKind.QUESTION,
    )
    post_create(user=learner, page=lesson, source="Schools first.", parent=question)
    client.force_login(learner)

    # When the enrolled learner opens it
    response = client.get(lesson.url)
    html = response.content
    assets = Assets()
    assets.feed(html.decode())
    css = sum(len(static_bytes(url)) for url in assets.css)
    js = sum(len(static_bytes(url)) for url in assets.js)
    total = len(html) + css + js
    print(
        f"\nlesson page weight ({lesson.url}): HTML {len(html):,} B"
        f" + CSS {css:,} B ({', '.join(assets.css)})"
        f" + JS {js:,} B ({', '.join(assets.js)}) = {total:,} B of {BUDGET:,} B"
    )

    # Then it is the real page, and it weighs under the budget
    assert response.status_code == 200
    assert b'class="video"' in html and b"data-video-play" in html
    assert b'id="discussion"' in html and b"Schools first." in html
    assert "/static/js/video.js" in assets.js
    assert total < BUDGET
