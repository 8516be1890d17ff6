"""A request that reads between an editor's change and its commit caches nothing stale.

The editor's transaction bumps the page generation on the first save; until
it commits, a learner's request on another connection still reads the old
rows and caches an outline built from them under the new generation. The
bump at commit (``core.page_generation``) must make that outline stale, so
the next request sees the change. Needs two real connections: PostgreSQL.
"""

from __future__ import annotations

import threading

from django.db import connection, transaction

import pytest

from courses.outline import course_outline

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("restore_migration_data", "on_postgresql"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _titles(course) -> list[str]:
    return [item.title for m in course_outline(course).modules for item in m.items]


def _in_another_connection(job):
    """Run ``job`` in a thread with its own connection; its result."""
    found = {}

    def run():
        try:
            found["value"] = job()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    return found["value"]


def test_an_outline_read_before_the_commit_is_not_kept(course, module, lesson):
    assert "The life history" in _titles(course)

    with transaction.atomic():
        lesson.unpublish()  # the generation moves now
        # Another request, before the commit, reads the old rows and caches them.
        assert "The life history" in _in_another_connection(lambda: _titles(course))

    assert "The life history" not in _titles(course)
