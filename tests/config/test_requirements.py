"""Every package the project uses is declared, and every declaration is locked.

The code is read, not imported: each ``import`` statement in our own packages
(and each dotted path named in the settings, such as an app in
``INSTALLED_APPS`` or a cache backend) is mapped to the distribution that
installs it (``importlib.metadata.packages_distributions()``). Runtime code
must find it in requirements.in; tests and benchmarks may also use
requirements-dev.in. A package that only arrives because another one depends
on it can disappear in that package's next release.
"""

from __future__ import annotations

import ast
import re
import sys
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ["accounts", "config", "core", "courses", "lessons", "payments", "manage.py"]
# The demo academy is installed by the dev and test settings only.
DEVELOPMENT = ["tests", "bench", "demo", ".ci"]
FIRST_PARTY = {"accounts", "bench", "config", "core", "courses", "demo", "lessons"}
FIRST_PARTY |= {"payments", "tests"}
DOTTED = re.compile(r"[a-z_][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements_in: str) -> set[str]:
    """The distributions a ``.in`` file names, following its ``-r`` includes."""
    names: set[str] = set()
    for line in (ROOT / requirements_in).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            names |= declared(line.removeprefix("-r ").strip())
        elif line and not line.startswith("-"):
            names.add(normalize(re.split(r"[\s\[;<>=!~]", line, maxsplit=1)[0]))
    return names


def python_files(part: str) -> list[Path]:
    path = ROOT / part
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Top-level names of the absolute imports in one file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    # bench/ scripts import their neighbours by file name.
    return {name for name in names if not (path.parent / f"{name}.py").exists()}


def settings_modules() -> set[str]:
    """Top-level names of the dotted paths written in config/settings/."""
    names: set[str] = set()
    for path in python_files("config/settings"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and DOTTED.fullmatch(node.value)
            ):
                names.add(node.value.split(".")[0])
    return names & set(distributions())


@cache
def distributions() -> dict[str, list[str]]:
    return packages_distributions()


def third_party(modules: set[str]) -> set[str]:
    return modules - set(sys.stdlib_module_names) - FIRST_PARTY - {"__future__"}


def undeclared(parts: list[str], allowed: set[str]) -> dict[str, str]:
    """Each third-party module used in ``parts`` that ``allowed`` does not cover."""
    missing: dict[str, str] = {}
    for part in parts:
        for path in python_files(part):
            for module in third_party(imported_modules(path)):
                dists = {normalize(d) for d in distributions().get(module, [])}
                if not dists & allowed:
                    where = path.relative_to(ROOT)
                    missing[module] = f"{where} ({', '.join(sorted(dists)) or '?'})"
    return missing


def locked(requirements_txt: str) -> dict[str, str]:
    """Each pin of a lock file with the first line of its hashes."""
    text = (ROOT / requirements_txt).read_text()
    return {
        normalize(match["name"]): match["hash"]
        for match in re.finditer(
            r"^(?P<name>[A-Za-z0-9._-]+)==\S+[^\n]*\\\n\s+(?P<hash>--hash=sha256:\w+)",
            text,
            flags=re.MULTILINE,
        )
    }


def test_the_scan_sees_the_imports_it_checks():
    # Guards the scan itself: these imports exist today.
    runtime = set()
    for part in RUNTIME:
        for path in python_files(part):
            runtime |= third_party(imported_modules(path))
    assert {"django", "wagtail", "stripe", "django_filters", "modelcluster"} <= runtime
    assert "django_redis" in runtime  # core/resilient_cache.py
    assert {"django_tasks", "django_tasks_db", "storages"} <= settings_modules()


def test_runtime_code_imports_only_declared_requirements():
    assert undeclared(RUNTIME, declared("requirements.in")) == {}


def test_settings_name_only_declared_requirements():
    allowed = declared("requirements.in")
    missing = {
        module: sorted(distributions()[module])
        for module in settings_modules()
        if not {normalize(d) for d in distributions()[module]} & allowed
    }
    assert missing == {}


def test_tests_and_benchmarks_import_only_declared_requirements():
    assert undeclared(DEVELOPMENT, declared("requirements-dev.in")) == {}


def test_every_declared_requirement_is_locked_with_hashes():
    # requirements.txt is what production installs; requirements-dev.txt is
    # what `make install` installs (everything), both with --require-hashes.
    assert declared("requirements.in") <= set(locked("requirements.txt"))
    assert declared("requirements-dev.in") <= set(locked("requirements-dev.txt"))


def test_the_development_lock_keeps_the_runtime_versions():
    runtime = (ROOT / "requirements.txt").read_text()
    development = (ROOT / "requirements-dev.txt").read_text()
    pins = re.compile(r"^([A-Za-z0-9._-]+==\S+)", flags=re.MULTILINE)
    assert set(pins.findall(runtime)) <= set(pins.findall(development))
