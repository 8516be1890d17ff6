"""Private pages stay private with the restricted paths cached.

``core.view_restrictions`` keeps the paths of restricted pages in the cache for
one page generation. A restriction added (login, password, groups; on the page
or an ancestor) must refuse the next request, one removed must open it, and
while any page is an alias Wagtail's own check decides.
"""

from __future__ import annotations

from django.contrib.auth.models import Group

from wagtail.models import Page, PageViewRestriction

import pytest

from config.roles import ASSISTANT
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.lessons.factories import body_marker

pytestmark = pytest.mark.django_db

LOGIN, PASSWORD, GROUPS = (
    PageViewRestriction.LOGIN,
    PageViewRestriction.PASSWORD,
    PageViewRestriction.GROUPS,
)


def _restrict(page, kind) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="open sesame"
    )
    if kind == GROUPS:
        restriction.groups.add(Group.objects.get(name="Editors"))
    return restriction


def _shows(client, page) -> bool:
    """Whether ``client`` gets the page's content (a free preview's body)."""
    response = client.get(page.url)
    shown = body_marker(page.slug) in response.content.decode()
    assert response.status_code == 200 or not shown
    return shown


def _refused(client, page) -> bool:
    response = client.get(page.url)
    content = response.content.decode()
    return body_marker(page.slug) not in content and (
        response.status_code == 302 or 'name="password"' in content
    )


@pytest.mark.parametrize("kind", [LOGIN, PASSWORD, GROUPS])
@pytest.mark.parametrize("where", ["page", "module", "course", "catalog"])
def test_a_new_restriction_refuses_the_next_request(
    client, preview_lesson, kind, where
):
    target = {
        "page": preview_lesson,
        "module": preview_lesson.get_parent(),
        "course": preview_lesson.get_parent().get_parent(),
        "catalog": preview_lesson.get_parent().get_parent().get_parent(),
    }[where]
    assert _shows(client, preview_lesson)  # the cache holds "no restrictions"

    restriction = _restrict(target, kind)

    assert _refused(client, preview_lesson)

    restriction.delete()

    assert _shows(client, preview_lesson)


def test_a_group_restriction_admits_its_group_only(
    learner_client, editor_client, preview_lesson
):
    assert _shows(learner_client, preview_lesson)
    _restrict(preview_lesson.get_parent(), GROUPS)

    assert _refused(learner_client, preview_lesson)
    assert _shows(editor_client, preview_lesson)


def test_a_login_restriction_admits_the_signed_in(
    client, learner_client, preview_lesson
):
    _restrict(preview_lesson, LOGIN)

    assert _refused(client, preview_lesson)
    assert _shows(learner_client, preview_lesson)


def test_a_restricted_page_moved_away_takes_its_pages_with_it(
    client, course_index, course, module, preview_lesson
):
    private = CoursePageFactory(parent=course_index, slug="private")
    _restrict(private, LOGIN)
    assert _shows(client, preview_lesson)

    module.move(private, pos="last-child")

    assert _refused(client, preview_lesson.__class__.objects.get(pk=preview_lesson.pk))


def test_the_cached_restrictions_are_wagtails(
    home_page, course_index, course, module, preview_lesson, lesson, paid_course
):
    _restrict(module, LOGIN)
    _restrict(paid_course, PASSWORD)
    other = ModulePageFactory(parent=paid_course, slug="other")

    for page in Page.objects.all().specific():
        if page.depth == 1:
            continue
        ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        wagtails = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        assert ours == wagtails, page
    assert other.get_view_restrictions().count() == 1


def test_an_alias_is_checked_by_wagtail(client, course_index, preview_lesson):
    # Given a restricted lesson and an alias of it in an open course
    elsewhere = ModulePageFactory(
        parent=CoursePageFactory(parent=course_index, slug="open"), slug="open-module"
    )
    alias = preview_lesson.create_alias(parent=elsewhere, update_slug="alias-welcome")
    _restrict(preview_lesson, LOGIN)

    # Then the alias carries its source's restriction, as in Wagtail
    ours = set(alias.specific.get_view_restrictions().values_list("pk", flat=True))
    wagtails = set(Page.get_view_restrictions(alias).values_list("pk", flat=True))
    assert ours == wagtails != set()
    response = client.get(alias.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_restrictions_new_groups_apply_at_once(editor_client, preview_lesson):
    restriction = _restrict(preview_lesson, GROUPS)  # Editors may see it
    assert _shows(editor_client, preview_lesson)

    restriction.groups.set([Group.objects.get(name=ASSISTANT)])

    assert _refused(editor_client, preview_lesson)
