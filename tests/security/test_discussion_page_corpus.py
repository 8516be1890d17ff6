"""The corpus on the rendered lesson page, as an enrolled learner fetches it.

Needs the discussion shown under the lesson (the ui work). Two lessons of the
same course get the same number of posts by the same author, kind for kind:
one lesson plain Markdown, the other the corpus (every text, raw, and a link
form; a few hundred through the posting service, the rest stored as the
service stores them). Another enrolled learner fetches both pages. Then,
whatever the templates around the posts look like:

- each post's stored HTML is on the corpus page verbatim (the template prints
  the clean HTML, neither escaped twice nor re-processed);
- both pages have the same number of every element outside the allowlist and
  of links without the rel policy (the posts add none; the chrome around
  them is the same);
- no event-handler attribute and no ``javascript:``/``vbscript:``/``data:``
  URL anywhere on the corpus page.
"""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from dataclasses import dataclass

from django.test import Client, override_settings

import pytest

from core.markdown import markdown_render
from core.sanitize import ALLOWED_TAGS, LINK_REL
from courses.models import EnrollmentSource
from courses.services import enrollment_grant
from lessons.discussion.services import (
    DiscussionError,
    post_create,
    post_source_clean,
)
from lessons.models import Post, PostKind
from tests.accounts.factories import UserFactory
from tests.lessons.factories import LessonPageFactory
from tests.security.corpus import corpus, service_sample
from tests.security.html_policy import fragment, page_hazards, tag_counts
from tests.security.world import world_fixture

pytestmark = pytest.mark.django_db

SERVICE_POSTS = 200
BENIGN = "Some **plain** text with a [link](https://example.com/) and `code`."


def _kinds(count: int) -> list[str]:
    return [PostKind.QUESTION if n % 2 else PostKind.COMMENT for n in range(count)]


def _sources() -> list[str]:
    texts = list(corpus()) + [f"[x]({text})" for text in corpus()[::4]]
    sources = []
    for text in texts:
        with suppress(DiscussionError):  # blank once trimmed: the service refuses it
            sources.append(post_source_clean(text))
    return sources


def _fill(lesson, author, sources: list[str]) -> None:
    """The first ``SERVICE_POSTS`` through the service, the rest in bulk."""
    kinds = _kinds(len(sources))
    for source, kind in zip(sources[:SERVICE_POSTS], kinds, strict=False):
        post_create(user=author, page=lesson, source=source, kind=kind)
    Post.objects.bulk_create(
        Post(
            page_id=lesson.pk,
            course=lesson.get_parent().get_parent().specific,
            author=author,
            kind=kind,
            source=source,
            html=markdown_render(source),
        )
        for source, kind in zip(
            sources[SERVICE_POSTS:], kinds[SERVICE_POSTS:], strict=True
        )
    )


def _outside_allowlist(text: str) -> Counter:
    counts = tag_counts(text)
    counts["a without the rel policy"] = sum(
        1 for a in fragment(text).iter("a") if a.get("rel") != LINK_REL
    )
    return Counter({tag: n for tag, n in counts.items() if tag not in ALLOWED_TAGS})


def _added(before: str, after: str) -> dict:
    """What the posts added to a page, element by element (may be negative)."""
    delta = _outside_allowlist(after)
    delta.subtract(_outside_allowlist(before))
    return {tag: n for tag, n in delta.items() if n}


@dataclass
class Pages:
    benign_before: str
    benign: str
    hostile_before: str
    hostile: str
    lesson: object


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Built once for the module, in the security world's outer transaction."""
    for world in world_fixture(django_db_setup, django_db_blocker):
        with (
            django_db_blocker.unblock(),
            override_settings(DISCUSSION_POST_RATE=(100_000, 600)),
        ):
            yield _pages_build(world)


def _pages_build(world) -> Pages:
    module = world.free_module
    author = world.users["other"]  # enrolled in the free course
    benign_lesson = LessonPageFactory(parent=module, title="Plain", slug="plain")
    corpus_lesson = LessonPageFactory(parent=module, title="Hostile", slug="hostile")
    reader = UserFactory(email="reader@example.com")
    enrollment_grant(
        user=reader, course=world.free_course, source=EnrollmentSource.FREE
    )
    client = Client()
    client.force_login(reader)

    def fetch(lesson) -> str:
        response = client.get(lesson.url)
        assert response.status_code == 200
        return response.content.decode()

    benign_before, hostile_before = fetch(benign_lesson), fetch(corpus_lesson)
    sources = _sources()
    preferred = set(service_sample())
    sources.sort(key=lambda s: s not in preferred)  # the sample through the service
    _fill(corpus_lesson, author, sources)
    _fill(benign_lesson, author, [BENIGN] * len(sources))
    return Pages(
        benign_before,
        fetch(benign_lesson),
        hostile_before,
        fetch(corpus_lesson),
        corpus_lesson,
    )


def test_every_stored_post_is_printed_verbatim(pages):
    posts = list(Post.objects.filter(page_id=pages.lesson.pk).values_list("pk", "html"))
    missing = [pk for pk, html in posts if html not in pages.hostile]

    print(f"\ncorpus page: {len(posts)} posts, {len(pages.hostile):,} characters")
    assert len(posts) > 5000
    assert not missing, f"{len(missing)} of {len(posts)} posts not printed as stored"


def test_the_posts_add_no_element_outside_the_allowlist(pages):
    """The corpus adds exactly what as many plain posts add: the chrome."""
    assert _added(pages.hostile_before, pages.hostile) == _added(
        pages.benign_before, pages.benign
    )


def test_no_handler_or_dangerous_url_anywhere_on_the_page(pages):
    assert page_hazards(pages.hostile) == []
