"""The cached Site (``core.site_cache``) and lesson body (``stream_cache``) are current.

The site and its root page are kept per host and page generation; a lesson's
rendered body per page, live revision and generation. An editor's change
must show on the next request, a draft only in the admin's preview, and the
body must be the same HTML for every learner.
"""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language

from wagtail.models import Page, Site

import pytest

from core.models import HomePage
from tests.accounts.factories import UserFactory
from tests.courses.factories import ModulePageFactory
from tests.lessons.discussion.factories import client_for, enrolled_in
from tests.lessons.factories import LessonPageFactory, paragraph

pytestmark = pytest.mark.django_db


def _home(slug: str, heading: str) -> HomePage:
    return Page.get_first_root_node().add_child(
        instance=HomePage(title=heading, slug=slug, hero_heading=heading)
    )


def _heading(client, host="localhost") -> str:
    html = client.get("/", HTTP_HOST=host).content.decode()
    return html.split('<h1 class="hero__title">')[1].split("</h1>")[0]


# The site ---------------------------------------------------------------------


def test_a_new_root_page_for_the_default_site_shows_at_once(client, site):
    assert _heading(client) == "Courses for clinician-educators"  # cached now
    site.root_page = _home("new-home", "A new front door")
    site.save()

    assert _heading(client) == "A new front door"


def test_a_changed_root_page_shows_at_once(client, site, home_page):
    assert _heading(client) == "Courses for clinician-educators"

    home_page.hero_heading = "Edited heading"
    home_page.save_revision().publish()

    assert _heading(client) == "Edited heading"


def test_a_changed_hostname_takes_effect_at_once(client, site):
    other = Site.objects.create(
        hostname="other.test", port=80, root_page=_home("other", "The other school")
    )
    assert _heading(client, "other.test") == "The other school"
    assert _heading(client, "renamed.test") == "Courses for clinician-educators"

    other.hostname = "renamed.test"
    other.save()

    assert _heading(client, "renamed.test") == "The other school"
    assert _heading(client, "other.test") == "Courses for clinician-educators"

    other.delete()

    assert _heading(client, "renamed.test") == "Courses for clinician-educators"


def test_an_unknown_host_gets_the_default_site(client, site):
    for _ in range(2):  # the second from the cache
        assert _heading(client, "unknown.example") == "Courses for clinician-educators"
        assert _heading(client) == "Courses for clinician-educators"


def test_a_new_default_site_takes_over_at_once(client, site):
    assert _heading(client, "unknown.example") == "Courses for clinician-educators"
    site.is_default_site = False
    site.hostname = "first.test"
    site.save()
    Site.objects.create(
        hostname="second.test",
        is_default_site=True,
        root_page=_home("second", "The second school"),
    )

    assert _heading(client, "unknown.example") == "The second school"
    assert _heading(client, "first.test") == "Courses for clinician-educators"


# The lesson body ----------------------------------------------------------------


@pytest.fixture
def published(lesson):
    lesson.body = paragraph("FIRST-PUBLISHED-BODY")
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.live_revision_id  # the body goes through the cache
    return lesson


def _cached_body(page) -> str | None:
    key = f"core:stream:{page.pk}:body:{page.live_revision_id}:{get_language()}"
    found = cache.get(key)
    return found[1] if found else None


def test_a_published_revision_shows_its_body_at_once(enrolled_client, published):
    assert "FIRST-PUBLISHED-BODY" in enrolled_client.get(published.url).content.decode()
    assert "FIRST-PUBLISHED-BODY" in _cached_body(published)

    published.body = paragraph("SECOND-PUBLISHED-BODY")
    published.save_revision().publish()

    html = enrolled_client.get(published.url).content.decode()
    assert "SECOND-PUBLISHED-BODY" in html
    assert "FIRST-PUBLISHED-BODY" not in html


def test_a_draft_does_not_show_to_learners(enrolled_client, published):
    enrolled_client.get(published.url)

    published.body = paragraph("DRAFT-BODY")
    published.save_revision()

    html = enrolled_client.get(published.url).content.decode()
    assert "FIRST-PUBLISHED-BODY" in html
    assert "DRAFT-BODY" not in html


def test_the_admins_preview_shows_the_draft_not_the_cached_body(
    enrolled_client, instructor_client, published
):
    enrolled_client.get(published.url)  # the live body is in the cache
    published.body = paragraph("DRAFT-BODY")
    revision = published.save_revision()

    url = reverse("wagtailadmin_pages:revisions_view", args=[published.pk, revision.pk])
    preview = instructor_client.get(url)

    assert preview.status_code == 200
    assert "DRAFT-BODY" in preview.content.decode()
    assert "FIRST-PUBLISHED-BODY" not in preview.content.decode()
    # and the preview left the learners' body alone
    html = enrolled_client.get(published.url).content.decode()
    assert "FIRST-PUBLISHED-BODY" in html
    assert "DRAFT-BODY" not in html


def test_a_preview_request_renders_afresh(enrolled_client, published):
    enrolled_client.get(published.url)
    draft = published.get_latest_revision_as_object()
    draft.body = paragraph("PREVIEWED-BODY")
    editor = UserFactory(is_superuser=True, is_staff=True)

    response = draft.make_preview_request(extra_request_attrs={"user": editor})
    response.render()

    assert "PREVIEWED-BODY" in response.content.decode()


def test_a_linked_page_moved_shows_its_new_address(enrolled_client, course, published):
    target = LessonPageFactory(parent=published.get_parent(), slug="target")
    published.body = [
        ("paragraph", f'<p><a linktype="page" id="{target.pk}">See the target</a></p>')
    ]
    published.save_revision().publish()
    old_url = target.url
    assert f'href="{old_url}"' in enrolled_client.get(published.url).content.decode()

    target.move(ModulePageFactory(parent=course, slug="elsewhere"), pos="last-child")

    new_url = Page.objects.get(pk=target.pk).url
    html = enrolled_client.get(published.url).content.decode()
    assert new_url != old_url
    assert f'href="{new_url}"' in html
    assert f'href="{old_url}"' not in html


def test_two_learners_get_the_same_body(course, published):
    first = enrolled_in(course, email="first@example.com", first_name="Firsty")
    second = enrolled_in(course, email="second@example.com", first_name="Secondy")

    first_html = client_for(first).get(published.url).content.decode()
    body = _cached_body(published)
    second_html = client_for(second).get(published.url).content.decode()

    assert "FIRST-PUBLISHED-BODY" in body
    assert body in first_html
    assert body in second_html
    for person in ("first@example.com", "Firsty", "second@example.com", "Secondy"):
        assert person not in body
    assert "csrfmiddlewaretoken" not in body


def test_a_published_course_description_shows_at_once(client, enrolled_client, course):
    course.description = paragraph("FIRST-DESCRIPTION")
    course.save_revision().publish()
    for who in (client, enrolled_client):
        assert "FIRST-DESCRIPTION" in who.get(course.url).content.decode()

    course.description = paragraph("SECOND-DESCRIPTION")
    course.save_revision().publish()

    for who in (client, enrolled_client):
        html = who.get(course.url).content.decode()
        assert "SECOND-DESCRIPTION" in html
        assert "FIRST-DESCRIPTION" not in html
