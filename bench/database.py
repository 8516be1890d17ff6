"""The database a benchmark runs against, set up and torn down in one place.

By default a throwaway one: a SQLite file under /tmp, or ``<name>_bench``
beside the PostgreSQL database named by DATABASE_URL, migrated, and removed
afterwards. ``in_place`` uses the configured database as it is.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@contextmanager
def bench_database(*, in_place: bool) -> Iterator:
    """Set Django up against the benchmark's database; yield its connection."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    if os.environ["DJANGO_SETTINGS_MODULE"].endswith(".production"):
        # Production settings do not install the demo app (seed_demo,
        # seed_scale). The loopback run starts gunicorn under production
        # settings itself, on the database seeded here.
        sys.exit(
            "The benchmarks seed the demo academy, which only the dev and test "
            "settings install: run them with DJANGO_SETTINGS_MODULE="
            "config.settings.test (make bench does)."
        )
    tmpdir = None
    if not in_place and not os.environ.get("DATABASE_URL"):
        tmpdir = tempfile.mkdtemp(prefix="practicum-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"

    import django

    # WhiteNoise warns once that STATIC_ROOT is empty: irrelevant here.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    django.setup()

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    # "testserver" becomes an allowed host, email goes to memory, DEBUG is off.
    setup_test_environment(debug=False)

    test_db_name = None
    if in_place or tmpdir:
        call_command("migrate", verbosity=0, interactive=False)
    else:
        name = settings.DATABASES["default"]["NAME"]
        settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = f"{name}_bench"
        test_db_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
    try:
        yield connection
    finally:
        if test_db_name:
            connection.creation.destroy_test_db(test_db_name, verbosity=0)
        if tmpdir:
            connection.close()
            shutil.rmtree(tmpdir, ignore_errors=True)
