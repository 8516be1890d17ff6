"""Shared fixtures: the page tree, the people, and logged-in clients.

The tree is built with Wagtail's own tree API, as an instructor would build it:

    Root
    └── HomePage                      (the default Site's root)
        └── CourseIndexPage           /courses/
            ├── CoursePage (free)     /courses/mitigation-101/
            │   └── ModulePage
            │       ├── LessonPage (free preview)
            │       └── LessonPage
            └── CoursePage (paid)     /courses/foundations/
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from wagtail.models import Page, Site

import pytest

from core.memo import memos_clear
from core.models import HomePage
from courses.models import EnrollmentSource
from courses.services import enrollment_grant, enrollment_revoke
from tests.accounts.factories import SuperuserFactory, UserFactory
from tests.courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    ModulePageFactory,
)
from tests.lessons.factories import LessonPageFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth's rate limits, Wagtail's site root paths and the visitors' page
    cache (core.page_cache) live in the cache, and what is kept per generation
    in the process's memory (core.memo): no test sees another's pages."""
    cache.clear()
    memos_clear()
    yield
    cache.clear()
    memos_clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded documents go to a throwaway folder, not the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home_page(db) -> HomePage:
    """Replace Wagtail's welcome page with a HomePage and make it the site's root."""
    root = Page.get_first_root_node()
    welcome_pages = list(root.get_children())
    home = root.add_child(
        instance=HomePage(
            title="Practicum",
            slug="practicum",
            hero_heading="Courses for clinician-educators",
            hero_text="Continuing education for mitigation specialists.",
        )
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.site_name = "Practicum"
    site.save()
    for page in welcome_pages:
        page.delete()
    return HomePage.objects.get(pk=home.pk)


@pytest.fixture
def site(home_page) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def course_index(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def course(course_index):
    """A free, published course."""
    return CoursePageFactory(
        parent=course_index, title="Mitigation 101", slug="mitigation-101"
    )


@pytest.fixture
def paid_course(course_index):
    return CoursePageFactory(
        parent=course_index,
        title="Foundations of Mitigation Practice",
        slug="foundations",
        price_amount=14900,
    )


@pytest.fixture
def module(course):
    return ModulePageFactory(parent=course, title="Getting started", slug="start")


@pytest.fixture
def preview_lesson(module):
    return LessonPageFactory(
        parent=module, title="Welcome", slug="welcome", is_free_preview=True
    )


@pytest.fixture
def lesson(module):
    """A normal (gated) lesson of the free course."""
    return LessonPageFactory(parent=module, title="The life history", slug="history")


@pytest.fixture
def learner(db):
    return UserFactory(email="learner@example.com")


@pytest.fixture
def enrolled_learner(course):
    user = UserFactory(email="enrolled@example.com")
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


@pytest.fixture
def revoked_learner(course):
    user = UserFactory(email="revoked@example.com")
    enrollment, _ = enrollment_grant(
        user=user, course=course, source=EnrollmentSource.FREE
    )
    enrollment_revoke(enrollment=enrollment, reason="Refunded")
    return user


@pytest.fixture
def editor(db):
    """Staff in Wagtail's Editors group: may use the admin, is not a superuser."""
    user = UserFactory(email="editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def instructor(db):
    """The academy's instructor: a superuser, as seed_demo creates one."""
    return SuperuserFactory(email="instructor@example.com")


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def learner_client(learner) -> Client:
    return _client_for(learner)


@pytest.fixture
def enrolled_client(enrolled_learner) -> Client:
    return _client_for(enrolled_learner)


@pytest.fixture
def editor_client(editor) -> Client:
    return _client_for(editor)


@pytest.fixture
def instructor_client(instructor) -> Client:
    return _client_for(instructor)


# PostgreSQL-only tests --------------------------------------------------------
# The concurrency races (webhooks, success page, course completion) need real
# row locks, which SQLite does not have. Off PostgreSQL they are deselected and
# the run says so at its top and in its summary; CI runs on PostgreSQL.

_DESELECTED = pytest.StashKey[str]()


def pytest_collection_modifyitems(config, items):
    from django.conf import settings as django_settings

    _refuse_browser_tests_outside_e2e(items)

    engine = django_settings.DATABASES["default"]["ENGINE"]
    if "postgresql" in engine:
        return
    deselected = [item for item in items if item.get_closest_marker("postgres_only")]
    if not deselected:
        return
    items[:] = [item for item in items if not item.get_closest_marker("postgres_only")]
    config.hook.pytest_deselected(items=deselected)
    message = (
        f"Deselected {len(deselected)} postgres_only test(s) (concurrency races): "
        f"the database is {engine}, where select_for_update does nothing. Run "
        "them with DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>; CI does."
    )
    config.stash[_DESELECTED] = message
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(message, yellow=True, bold=True)


def _refuse_browser_tests_outside_e2e(items):
    """A fixture named like one of pytest-playwright's (``page``, ``context``,
    ``browser``) turns a plain test into a browser test, which runs in the
    browser tests' group and order; say so at collection instead."""
    strays = [
        item.nodeid
        for item in items
        if "browser_name" in getattr(item, "fixturenames", ())
        and "/e2e/" not in item.nodeid.replace("\\", "/")
    ]
    if strays:
        raise pytest.UsageError(
            "Browser (Playwright) fixtures in tests outside tests/e2e/; rename the "
            "fixture that shadows pytest-playwright's: " + ", ".join(strays[:5])
        )


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    message = config.stash.get(_DESELECTED, "")
    if message:
        terminalreporter.write_line(message, yellow=True, bold=True)


@pytest.fixture(scope="module")
def restore_migration_data(django_db_setup, django_db_blocker):
    """Put back what migrations created once a module's last test has flushed it.

    A transactional test ends with a flush, which also empties what data
    migrations made (Wagtail's root page, the default site, the Editors
    group). ``serialized_rollback`` restores it at the start of each test;
    this restores it after the last one, so later tests, and the next run
    with ``--reuse-db``, find a complete database.
    """
    from django.db import connection

    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents and not Page.objects.exists():
            connection.creation.deserialize_db_from_string(contents)
        connection.close()


@pytest.fixture
def on_postgresql():
    """Fail, rather than pass vacuously, if a race test runs without row locks."""
    from django.db import connection

    assert connection.vendor == "postgresql", (
        "This test needs PostgreSQL (row locks); it should have been deselected "
        f"on {connection.vendor} by tests/conftest.py."
    )
