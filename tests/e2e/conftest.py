"""Browser tests: Playwright drives Debian's Chromium against ``live_server``.

``playwright install`` downloads its own browsers and fails on these machines,
so Playwright launches the ``chromium`` binary on the PATH instead
(``apt-get install -y chromium``; ``.ci/run`` installs it when missing). A missing
Chromium fails the tests: a skipped browser test proves nothing.

Sync Playwright runs an event loop in the test's thread, which makes Django
refuse ORM calls there unless ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from dataclasses import dataclass
from io import StringIO

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils.html import strip_tags  # noqa: E402

FREE_COURSE_SLUG = "mitigation-101"
PAID_COURSE_SLUG = "foundations-of-mitigation-practice"
DEMO_LEARNER = "learner@example.com"
DEMO_INSTRUCTOR = "instructor@example.com"
DEMO_PASSWORD = "practicum-demo"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium")
    if not executable:
        pytest.fail(
            "The browser tests need Debian's Chromium on the PATH: "
            "run `apt-get install -y chromium` (as root), or `bash .ci/run`. "
            "`playwright install` does not work on these machines.",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session", autouse=True)
def _serialized_contents(django_db_setup, django_db_blocker):
    """The migrated data (Wagtail's root page, default Site, groups) as serialized.

    Each transactional test flushes every table when it ends, and
    ``serialized_rollback`` restores this data when the next one starts. Two
    things get in the way, both handled here:

    - Sync Playwright leaves an asyncio loop marked as running in this thread,
      and Django's connection handler then keeps its connections in context
      variables instead of the thread: once the browser starts, ``connection``
      is a new object without the ``_test_serialized_contents`` that
      ``django_db_setup`` put on the old one, and the restore silently does
      nothing (see ``browser`` below, which hands it over).
    - Nothing restores after the last test. A kept database (``--reuse-db``,
      the default, on PostgreSQL) would start the next run without a page tree
      and every test that builds pages would fail; so it is restored here.
    """
    from django.db import connections

    contents = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    yield contents
    # Playwright has stopped: back on the thread's own connection.
    migrated_data_ensure(contents, django_db_blocker)


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_after_module(_serialized_contents, django_db_blocker):
    """After each browser module, the migrated data is back: tests that run
    later in the session without a database of their own (module-scoped
    worlds such as ``tests/security/world.py``) need Wagtail's root page."""
    yield
    migrated_data_ensure(_serialized_contents, django_db_blocker)


def migrated_data_ensure(contents: dict, django_db_blocker) -> None:
    """Restore the migrated data if the last transactional test flushed it."""
    from wagtail.models import Page

    if not contents.get("default"):
        return
    with django_db_blocker.unblock():
        if not Page.objects.exists():
            migrated_data_restore(contents["default"])


def migrated_data_restore(serialized: str) -> None:
    """Empty every table, then put back the data the migrations made."""
    from django.db import connections

    # As TransactionTestCase does before it restores: an empty slate.
    call_command(
        "flush",
        interactive=False,
        inhibit_post_migrate=True,
        reset_sequences=False,  # restored rows keep their ids
        verbosity=0,
    )
    # Content types first: Wagtail's Task.__init__ looks its own up and
    # would create it (with another id) if it were not there yet.
    records = json.loads(serialized)
    records.sort(key=lambda record: record["model"] != "contenttypes.contenttype")
    connections["default"].creation.deserialize_db_from_string(json.dumps(records))


@pytest.fixture(scope="session")
def browser(browser, _serialized_contents):
    """Playwright's browser; hands the serialized data to the new connections."""
    from django.db import connections

    for alias, contents in _serialized_contents.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents
    return browser


@pytest.fixture
def page(page):
    """Playwright's page, failing fast: a locator that never appears is a bug."""
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(20_000)
    return page


@dataclass
class DemoAcademy:
    """The seeded demo academy, as the browser tests need it."""

    base_url: str
    free_course: object  # courses.models.CoursePage
    paid_course: object
    first_lesson: object  # the free course's first lesson (lessons.LessonPage)
    preview_lesson: object  # a free-preview lesson of the free course
    enrolled_lesson: object  # a lesson of the free course that is not a preview
    learner_email: str = DEMO_LEARNER  # enrolled in the free course by seed_demo
    instructor_email: str = DEMO_INSTRUCTOR

    def url(self, path_or_page) -> str:
        path = path_or_page if isinstance(path_or_page, str) else path_or_page.url
        return self.base_url + path

    def log_in(self, context, email: str) -> None:
        """Give the browser ``context`` a session for ``email``, without a form.

        The sign-up journey proves the forms; other tests only need a session.
        """
        from django.conf import settings
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(email=email)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": cookie.value,
                    "url": self.base_url,
                }
            ]
        )

    @staticmethod
    def text_sample(lesson, words: int = 6) -> str:
        """A few words from the start of the lesson's first paragraph, as shown."""
        for block in lesson.body:
            if block.block_type == "paragraph":
                source = getattr(block.value, "source", str(block.value))
                text = re.sub(r"\s+", " ", html.unescape(strip_tags(source))).strip()
                if text:
                    return " ".join(text.split(" ")[:words])
        raise AssertionError(f"The lesson {lesson.title!r} has no paragraph of text.")


@pytest.fixture
def demo(live_server) -> DemoAcademy:
    """Seed the demo academy into the live server's database."""
    from courses.models import CoursePage
    from courses.selectors import first_item_of
    from lessons.models import LessonPage

    call_command("seed_demo", stdout=StringIO(), stderr=StringIO())
    free_course = CoursePage.objects.live().get(slug=FREE_COURSE_SLUG)
    paid_course = CoursePage.objects.live().get(slug=PAID_COURSE_SLUG)
    lessons = list(
        LessonPage.objects.live().descendant_of(free_course).order_by("path")
    )
    gated = [lesson for lesson in lessons if not lesson.is_free_preview]
    assert gated, f"seed_demo made only free-preview lessons in {free_course.title}"
    # A free preview: the free course's if it has one, else the paid course's.
    previews = [lesson for lesson in lessons if lesson.is_free_preview] or list(
        LessonPage.objects.live()
        .descendant_of(paid_course)
        .filter(is_free_preview=True)
        .order_by("path")
    )
    assert previews, "seed_demo made no free-preview lesson"
    first = first_item_of(course=free_course)
    assert first is not None, f"seed_demo made no lesson in {free_course.title}"
    assert isinstance(first.specific, LessonPage), (
        f"The free course starts with {first.specific!r}: the journey expects a "
        "lesson there (enrolling lands the learner in it)."
    )
    return DemoAcademy(
        base_url=live_server.url,
        free_course=free_course,
        paid_course=paid_course,
        first_lesson=first.specific,
        preview_lesson=previews[0],
        enrolled_lesson=gated[0],
    )


@pytest.fixture(scope="module")
def scan_site(browser, _serialized_contents, django_db_blocker):
    """The demo academy seeded once for a whole module of read-only page scans.

    pytest-django's ``live_server`` makes each test that uses it transactional,
    and the table flush after each one would take the seeded data with it; so
    the module runs its own live server, seeds once with the database
    unblocked, and on leaving empties the tables and restores the migrated
    data (as the transactional tests expect to find it). Offline test
    payments are on, as in development (DEBUG, no Stripe key). Its tests carry
    ``SCAN_DB``: without a database mark pytest-django sets up no test
    database, and without serialized_rollback it keeps no copy of the
    migrated data.
    """
    from django.core.cache import caches
    from django.test import override_settings

    from pytest_django.live_server_helper import LiveServer

    from tests.e2e.scan_site import scan_site_build

    server = LiveServer("localhost")
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(DEBUG=True, STRIPE_SECRET_KEY=""),
            server._live_server_modified_settings,
        ):
            serialized = _serialized_contents.get("default")
            assert serialized, "Mark the scans with SCAN_DB (tests/e2e/scan_site.py)."
            for cache in caches.all():
                cache.clear()
            migrated_data_restore(serialized)
            try:
                yield scan_site_build(server.url)
            finally:
                migrated_data_restore(serialized)
                for cache in caches.all():
                    cache.clear()
    finally:
        server.stop()
