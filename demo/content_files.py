"""Read the demo academy from demo/content/ (layout in demo/README.md).

Pure reading: no database. Each page becomes a ``PageSpec`` with its fields as
the file gives them, its StreamField bodies as blocks (each with the line or
question it came from), and the path it was read from, so every later error
can name the file. Ordered items (pages, courses, modules, lessons, quizzes)
are named ``NN-slug``: the number orders them, the rest is the page's slug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from core.money import minor_from_major
from demo.directives import ContentError, body_blocks
from demo.quiz_files import quiz_read
from demo.rich_text import MarkdownError, rich_text
from demo.yaml_files import yaml_parse, yaml_read

CONTENT = Path(__file__).resolve().parent / "content"

_NUMBERED = re.compile(r"^(\d+)-([a-z0-9][a-z0-9-]*)$")


@dataclass
class PageSpec:
    kind: str  # home, catalog, page, course, module, lesson or quiz
    source: Path
    slug: str
    fields: dict
    streams: dict[str, list[tuple]] = field(default_factory=dict)
    children: list[PageSpec] = field(default_factory=list)
    ce: dict | None = None  # a course's credit lines and approval
    draft: bool = False  # saved for the instructor to review, not published


@dataclass
class Academy:
    site_name: str
    people: dict
    home: PageSpec
    catalog: PageSpec
    pages: list[PageSpec]
    courses: list[PageSpec]

    def items(self) -> list[PageSpec]:
        """Every lesson and quiz, course by course, in outline order."""
        return [
            item
            for course in self.courses
            for module in course.children
            for item in module.children
        ]


def academy_read(root: Path = CONTENT) -> Academy:
    """The whole academy under ``root``. Raises ``ContentError`` naming the file."""
    site = yaml_read(root / "site.yaml")
    catalog = dict(site["catalog"])
    return Academy(
        site_name=site["site_name"],
        people=yaml_read(root / "people.yaml"),
        home=_home_read(root / "home.md"),
        catalog=PageSpec("catalog", root / "site.yaml", catalog.pop("slug"), catalog),
        pages=[
            _markdown_page("page", path, "body") for path in _numbered(root / "pages")
        ],
        courses=[_course_read(path) for path in _numbered(root / "courses")],
    )


def front_matter_split(path: Path) -> tuple[dict, str, int]:
    """(front matter, body, line number of the body's first line)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(f"{path}: the file must start with a --- line.")
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            data = yaml_parse("\n".join(lines[1:end]), path)
            return data, "\n".join(lines[end + 1 :]), end + 2
    raise ContentError(f"{path}: the front matter has no closing --- line.")


def slug_of(path: Path) -> str:
    name = path.name.split(".", 1)[0]
    match = _NUMBERED.match(name)
    if match is None:
        raise ContentError(
            f"{path}: name it NN-slug (a number, a dash, then the page's address "
            "in lower-case letters, digits and dashes)."
        )
    return match.group(2)


def _numbered(folder: Path) -> list[Path]:
    """The numbered entries of ``folder`` in their order (handouts are skipped)."""
    entries = [
        path
        for path in folder.iterdir()
        if path.is_dir() or path.suffix in (".md", ".yaml")
    ]
    entries = [p for p in entries if p.name not in ("module.yaml", "course.md")]
    for path in entries:
        slug_of(path)  # a file that is not NN-slug is an error, not skipped
    return sorted(entries, key=lambda path: int(path.name.split("-", 1)[0]))


def _home_read(path: Path) -> PageSpec:
    fields, body, _line = front_matter_split(path)
    fields["body"] = _rich(body, path)
    return PageSpec("home", path, fields.pop("slug", "home"), fields)


def _markdown_page(kind: str, path: Path, stream: str, slug: str = "") -> PageSpec:
    fields, body, first_line = front_matter_split(path)
    draft = fields.pop("draft", False)
    if not isinstance(draft, bool):
        raise ContentError(f"{path}: draft: write true or false.")
    blocks = body_blocks(body, source=path, first_line=first_line)
    spec = PageSpec(kind, path, slug or slug_of(path), fields, {stream: blocks})
    spec.draft = draft
    return spec


def _course_read(folder: Path) -> PageSpec:
    course = _markdown_page(
        "course", folder / "course.md", "description", slug=slug_of(folder)
    )
    fields = course.fields
    if "price" in fields:
        price = fields.pop("price")
        fields["price_amount"] = minor_from_major(price, fields.get("currency", "usd"))
    if "learning_objectives" in fields:
        course.streams["learning_objectives"] = [
            ("objective", text, f"objective {n}")
            for n, text in enumerate(fields.pop("learning_objectives"), start=1)
        ]
    course.ce = fields.pop("ce", None)
    course.children = [_module_read(path) for path in _numbered(folder)]
    return course


def _module_read(folder: Path) -> PageSpec:
    if not folder.is_dir():
        raise ContentError(f"{folder}: a course holds module folders only.")
    source = folder / "module.yaml"
    module = PageSpec("module", source, slug_of(folder), yaml_read(source))
    for path in _numbered(folder):
        if path.suffix == ".md":
            module.children.append(_markdown_page("lesson", path, "body"))
        elif path.suffix == ".yaml":
            fields, questions = quiz_read(path)
            module.children.append(
                PageSpec("quiz", path, slug_of(path), fields, {"questions": questions})
            )
        else:
            raise ContentError(f"{path}: a module holds lessons (.md) and quizzes.")
    return module


def _rich(text: str, source: Path) -> str:
    try:
        return rich_text(text)
    except MarkdownError as exc:
        raise ContentError(f"{source}: {exc}") from exc
