"""DESIGN.md's dependency rule, kept: ``courses`` never reaches into ``lessons``.

``courses`` may not import ``lessons`` or ``payments``, and no module of it
names a ``lessons`` model, even in a string (``apps.get_model("lessons", …)``,
``"lessons.QuizAttempt"``, a permission codename). The one exception DESIGN.md
makes: a module page says which page types go under it (``subpage_types``),
by string. Migrations are history and are not scanned.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.apps import apps

import pytest

COURSES = Path(__file__).resolve().parents[2] / "courses"


def _modules() -> list[Path]:
    return sorted(p for p in COURSES.rglob("*.py") if "migrations" not in p.parts)


def _lessons_model_names() -> set[str]:
    return {model.__name__ for model in apps.get_app_config("lessons").get_models()}


def _subpage_types_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "subpage_types"
            for target in node.targets
        ):
            lines.update(range(node.lineno, node.end_lineno + 1))
    return lines


def _findings(path: Path, names: set[str]) -> list[str]:
    source = path.read_text()
    tree = ast.parse(source)
    exempt = _subpage_types_lines(tree)
    lowered = {name.lower() for name in names}
    findings = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
            )
            for module in modules:
                if module.split(".")[0] in {"lessons", "payments"}:
                    findings.append(f"{path.name}:{node.lineno} imports {module}")
        elif isinstance(node, ast.Call) and _asks_the_registry_for_lessons(node):
            findings.append(f"{path.name}:{node.lineno} asks the registry for lessons")
        elif isinstance(node, ast.Name | ast.Attribute):
            name = node.id if isinstance(node, ast.Name) else node.attr
            if name in names:
                findings.append(f"{path.name}:{node.lineno} names {name}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.lineno in exempt:
                continue
            text = node.value
            for part in re.findall(r"\blessons\.([A-Za-z_]+)", text):
                if part.lower() in lowered or part.split("_")[-1] in lowered:
                    findings.append(f"{path.name}:{node.lineno} string {text!r}")
            if text in names:
                findings.append(f"{path.name}:{node.lineno} string names {text}")
    return findings


def _asks_the_registry_for_lessons(node: ast.Call) -> bool:
    """``apps.get_model("lessons", …)``, ``apps.get_app_config("lessons")``."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    first = node.args[0] if node.args else None
    return (
        name in {"get_model", "get_app_config", "get_models"}
        and isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and first.value.split(".")[0] == "lessons"
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(COURSES)))
def test_courses_names_no_lessons_model(path):
    assert _findings(path, _lessons_model_names()) == []


def test_the_scan_finds_what_it_looks_for(tmp_path):
    # The scan itself can fail: each way of reaching into lessons is caught.
    names = _lessons_model_names()
    assert {"QuizAttempt", "LessonPage", "Post"} <= names
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""A docstring may explain why QuizAttempt is not named."""\n'
        "from lessons.models import QuizPage\n"
        "import payments.services\n"
        'attempt = apps.get_model("lessons", "QuizAttempt")\n'
        'PERMISSION = "lessons.view_quizattempt"\n'
        "x = LessonPage.objects\n"
        'subpage_types = ["lessons.LessonPage"]\n'
    )
    lines = {int(f.split(":")[1].split(" ")[0]) for f in _findings(sample, names)}
    assert lines == {2, 3, 4, 5, 6}
