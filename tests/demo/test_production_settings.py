"""Production never installs the demo: no ``demo`` app, no ``seed_demo`` command,
and no module outside demo/, tests/ and bench/ imports it."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings

from tests.config.production import (
    REPO_ROOT,
    production_environment,
    production_setting,
)


def test_production_settings_do_not_install_the_demo():
    apps = production_setting("INSTALLED_APPS")

    assert "demo" not in apps
    assert "lessons" in apps  # the setting was read, not an empty list


def test_the_test_settings_install_the_demo():
    assert "demo" in settings.INSTALLED_APPS


def test_production_has_no_seed_commands():
    with tempfile.TemporaryDirectory() as home:
        result = subprocess.run(
            [sys.executable, "manage.py", "help", "--commands"],
            cwd=REPO_ROOT,
            env=production_environment(Path(home)),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert result.returncode == 0, result.stderr
    commands = result.stdout.split()
    assert "migrate" in commands
    assert "seed_demo" not in commands
    assert "seed_scale" not in commands


_IMPORTS_DEMO = re.compile(r"^\s*(from demo[. ]|import demo\b)", re.MULTILINE)


def test_nothing_the_production_apps_load_imports_the_demo():
    allowed = {"demo", "tests", "bench", ".venv"}
    offenders = [
        str(path.relative_to(REPO_ROOT))
        for path in REPO_ROOT.rglob("*.py")
        if path.relative_to(REPO_ROOT).parts[0] not in allowed
        and _IMPORTS_DEMO.search(path.read_text(encoding="utf-8"))
    ]

    assert offenders == []
