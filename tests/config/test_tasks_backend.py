"""TASKS_BACKEND: a mistyped value stops start-up and names the allowed ones."""

from __future__ import annotations

import subprocess
import sys

from tests.config.production import (
    REPO_ROOT,
    production_environment,
    production_setting,
)


def test_a_mistyped_backend_stops_start_up_with_the_allowed_values(tmp_path):
    env = {**production_environment(tmp_path), "TASKS_BACKEND": "databse"}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "TASKS_BACKEND is 'databse'; use one of: immediate, database." in (
        result.stderr
    )


def test_the_database_backend_queues_for_the_worker():
    tasks = production_setting("TASKS", TASKS_BACKEND="database")

    assert tasks == {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_default_runs_tasks_immediately():
    tasks = production_setting("TASKS")

    assert tasks["default"]["BACKEND"].endswith("ImmediateBackend")
