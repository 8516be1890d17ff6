"""Routing by path (``core.routing``) finds what Wagtail's own routing found.

Each path is routed twice from the home page: through ``RouteByPathMixin``
(one query for the whole path) and through ``wagtail.models.Page.route``
(one level at a time), and both must name the same page, the same sub-page
view and arguments, or both must be a 404.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from tests.courses.factories import ModulePageFactory
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import QuizPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page, course_index, course, paid_course, module, preview_lesson, lesson):
    quiz = QuizPageFactory(parent=module, title="Check", slug="check")
    hidden = ModulePageFactory(parent=course, slug="hidden")
    under_hidden = LessonPageFactory(parent=hidden, slug="orphan")
    hidden.unpublish()
    draft = LessonPageFactory(parent=module, slug="draft", live=False)
    deep = ModulePageFactory(parent=paid_course, slug="deep")
    return {
        "home": home_page,
        "quiz": quiz,
        "under_hidden": under_hidden,
        "draft": draft,
        "deep": LessonPageFactory(parent=deep, slug="deep-lesson"),
    }


PATHS = [
    "",
    "courses/",
    "courses/mitigation-101/",
    "courses/foundations/",
    "courses/mitigation-101/start/",
    "courses/mitigation-101/start/welcome/",
    "courses/mitigation-101/start/history/",
    "courses/mitigation-101/start/check/",
    "courses/mitigation-101/start/check/start/",
    "courses/mitigation-101/start/check/submit/",
    "courses/mitigation-101/start/check/attempts/3/",
    "courses/mitigation-101/start/check/attempts/x/",
    "courses/mitigation-101/start/check/nothing/",
    "courses/mitigation-101/start/history/below/",
    "courses/mitigation-101/start/history/below/further/",
    "courses/mitigation-101/start/draft/",
    "courses/mitigation-101/hidden/",
    "courses/mitigation-101/hidden/orphan/",
    "courses/mitigation-101/nope/",
    "courses/mitigation-101/nope/history/",
    "courses/nope/start/welcome/",
    "nope/",
    "practicum/",
    "mitigation-101/",
    "courses/foundations/deep/deep-lesson/",
    "courses/foundations/start/history/",
]


def _route(route, home, path):
    """(page pk, view name, args, kwargs) of a route, or 404."""
    request = RequestFactory().get("/" + path)
    components = [c for c in path.split("/") if c]
    try:
        result = route(home, request, components)
    except Http404:
        return 404
    page, args, kwargs = result
    if args and callable(args[0]):  # a routable page's (view, args, kwargs)
        view, view_args, view_kwargs = args
        return page.pk, view.__name__, tuple(view_args), view_kwargs, kwargs
    return page.pk, None, tuple(args), kwargs, {}


def _ours(home, request, components):
    return home.route(request, components)


@pytest.mark.parametrize("path", PATHS)
def test_every_path_routes_as_wagtail_routed_it(tree, path):
    home = tree["home"]

    assert _route(_ours, home, path) == _route(Page.route, home, path)


def test_the_expected_pages_and_views_are_found(tree, lesson):
    home = tree["home"]
    quiz = tree["quiz"]

    assert _route(_ours, home, "courses/mitigation-101/start/history/")[0] == (
        lesson.pk
    )
    for sub, view in (
        ("", "quiz_index"),
        ("start/", "quiz_start"),
        ("submit/", "quiz_submit"),
        ("attempts/3/", "quiz_attempt"),
    ):
        found = _route(_ours, home, "courses/mitigation-101/start/check/" + sub)
        assert found[:2] == (quiz.pk, view)
    assert _route(_ours, home, "courses/mitigation-101/start/check/attempts/3/")[3] == {
        "number": 3
    }
    # a live lesson under an unpublished module is routed (the gate refuses it)
    assert _route(_ours, home, "courses/mitigation-101/hidden/orphan/")[0] == (
        tree["under_hidden"].pk
    )
    for path in (
        "courses/mitigation-101/start/history/below/",
        "courses/mitigation-101/start/draft/",
        "courses/mitigation-101/hidden/",
        "nope/",
    ):
        assert _route(_ours, home, path) == 404


def test_every_page_type_is_served(tree, course, module, enrolled_client, client):
    for url in ("/", "/courses/", course.url, module.url):
        assert client.get(url).status_code == 200, url
    for url in (
        "/courses/mitigation-101/start/history/",
        tree["quiz"].url,
    ):
        assert enrolled_client.get(url).status_code == 200, url
    for url in (
        "/courses/mitigation-101/start/history/below/",
        "/courses/mitigation-101/start/draft/",
        "/courses/mitigation-101/hidden/orphan/",
        "/courses/nope/",
        "/nope/",
    ):
        assert enrolled_client.get(url).status_code == 404, url


def test_a_renamed_module_moves_its_lessons_addresses(
    tree, module, lesson, enrolled_client
):
    module.slug = "begin"
    module.save_revision().publish()

    assert enrolled_client.get(
        "/courses/mitigation-101/start/history/"
    ).status_code == (404)
    assert enrolled_client.get(
        "/courses/mitigation-101/begin/history/"
    ).status_code == (200)
    home = tree["home"]
    for path in (
        "courses/mitigation-101/begin/history/",
        "courses/mitigation-101/start/history/",
    ):
        assert _route(_ours, home, path) == _route(Page.route, home, path)


def test_routing_costs_the_same_queries_at_every_depth(tree):
    home = tree["home"]
    cold, warm = {}, {}
    for path in (
        "courses/",
        "courses/mitigation-101/",
        "courses/mitigation-101/start/history/",
        "courses/foundations/deep/deep-lesson/",
    ):
        _route(_ours, home, path)  # content types in their cache
        cache.clear()  # the routed page too: route afresh
        with CaptureQueriesContext(connection) as ctx:
            assert _route(_ours, home, path) != 404
        cold[path] = len(ctx)
        with CaptureQueriesContext(connection) as ctx:
            assert _route(_ours, home, path) != 404
        warm[path] = len(ctx)

    assert set(cold.values()) == {2}, cold  # the path's pages, then the page
    assert set(warm.values()) == {0}, warm  # from the cache
