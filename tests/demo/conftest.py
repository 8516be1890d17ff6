"""The demo academy, seeded once per test module.

Seeding takes a few seconds, so a module that needs the academy seeds it once,
on the fresh test database, inside a transaction that is rolled back when the
module is done. Each test runs in its own savepoint within it, so a test that
edits the demo (or seeds again) leaves the next test the freshly seeded
academy. A module opts in with ``pytest.mark.usefixtures("demo_academy")``.
"""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run seed_demo once for the module; yields the media folder and its output."""
    media = tmp_path_factory.mktemp("seed-media")
    with (
        override_settings(MEDIA_ROOT=media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield {"media": media, "output": out.getvalue()}
        transaction.set_rollback(True)


@pytest.fixture
def demo_academy(seeded, settings):
    settings.MEDIA_ROOT = seeded["media"]  # where the demo's document was written
