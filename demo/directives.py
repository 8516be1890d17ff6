"""A content file's Markdown body, cut into StreamField blocks.

Prose becomes a ``paragraph`` block (one per run of prose between other
blocks); a line ``## Heading`` or ``### Subheading`` becomes a ``heading``
block; everything else is a directive, opened by ``:::name`` and closed by a
line ``:::``::

    :::callout Key point
    Text in **Markdown**.
    :::

    :::video Welcome to the course
    url: https://www.youtube.com/watch?v=Fm4Tq9LwZ2k

    The transcript, in Markdown.
    :::

The words after the directive's name are its title; lines ``name: value``
right after the opening line set its other fields; the rest is its text.
demo/README.md lists every directive. Nothing here touches the database:
documents and images are named by file (``FileRef``) and the loader finds or
creates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from demo.rich_text import MarkdownError, plain_text, rich_text


class ContentError(ValueError):
    """A content file that cannot be loaded; the message names the file."""


@dataclass(frozen=True)
class FileRef:
    """A handout or image beside the content file, by its file name and title."""

    path: Path
    title: str
    alt: str = ""


@dataclass(frozen=True)
class Directive:
    title: str | None  # the field the words after the name go to, if any
    fields: tuple[str, ...]  # the ``name: value`` lines it takes
    required: tuple[str, ...]  # of title and fields
    text: str  # the field the text goes to
    rich: bool  # whether that text is Markdown (rich text) or plain text


DIRECTIVES = {
    "callout": Directive("title", (), ("title",), "text", rich=True),
    "quote": Directive(None, ("attribution",), (), "text", rich=False),
    "reflection": Directive(None, (), (), "prompt", rich=False),
    "video": Directive("title", ("url",), ("title", "url"), "transcript", rich=True),
    "document": Directive("title", ("file",), ("title", "file"), "description", False),
    "figure": Directive("alt", ("image",), ("image", "alt"), "caption", rich=False),
}

_OPEN = re.compile(r"^:::\s*(\S+)\s*(.*?)\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FIELD = re.compile(r"^([a-z_]+):\s*(.*?)\s*$")


def body_blocks(text: str, *, source: Path, first_line: int = 1) -> list[tuple]:
    """``[(block_name, value, line), …]`` for the Markdown ``text`` of ``source``.

    ``first_line`` is the file's line number of the body's first line, so
    errors point at the right line. Raises ``ContentError``.
    """
    blocks: list[tuple] = []
    prose: list[str] = []
    prose_line = first_line
    lines = text.splitlines()
    index = 0

    def flush() -> None:
        if any(line.strip() for line in prose):
            html = _rich("\n".join(prose), source, prose_line)
            blocks.append(("paragraph", html, prose_line))
        prose.clear()

    while index < len(lines):
        line, number = lines[index], first_line + index
        opened, heading = _OPEN.match(line), _HEADING.match(line)
        if opened:
            flush()
            end = _closing(lines, index, source, number)
            name, value = _directive(opened, lines[index + 1 : end], source, number)
            blocks.append((name, value, number))
            index = end + 1
            prose_line = first_line + index
            continue
        if heading:
            flush()
            level = len(heading.group(1))
            if level not in (2, 3):
                raise ContentError(
                    f"{source}, line {number}: use ## for a section heading or ### "
                    f"for a subsection, not {heading.group(1)}."
                )
            blocks.append(
                ("heading", {"text": heading.group(2), "level": f"h{level}"}, number)
            )
            prose_line = number + 1
        elif line.strip() == ":::":
            raise ContentError(f"{source}, line {number}: ::: closes nothing here.")
        else:
            if not prose:
                prose_line = number
            prose.append(line)
        index += 1
    flush()
    return blocks


def _closing(lines: list[str], start: int, source: Path, number: int) -> int:
    for end in range(start + 1, len(lines)):
        if lines[end].strip() == ":::":
            return end
        if _OPEN.match(lines[end]):
            break
    raise ContentError(
        f"{source}, line {number}: the block opened here has no closing ::: line "
        "(blocks cannot be put inside one another)."
    )


def _directive(opened: re.Match, inner: list[str], source: Path, number: int):
    name, words = opened.group(1), opened.group(2)
    spec = DIRECTIVES.get(name)
    if spec is None:
        known = ", ".join(f":::{known}" for known in DIRECTIVES)
        raise ContentError(
            f"{source}, line {number}: unknown block :::{name}. Known blocks: {known}."
        )
    values: dict[str, str] = {}
    if spec.title and words:
        values[spec.title] = words
    elif words:
        raise ContentError(
            f"{source}, line {number}: :::{name} takes no words after its name."
        )
    taken = 0
    for line in inner:
        field = _FIELD.match(line)
        if not field or field.group(1) not in spec.fields:
            break
        values[field.group(1)] = field.group(2)
        taken += 1
    missing = [key for key in spec.required if not values.get(key)]
    if missing:
        raise ContentError(
            f"{source}, line {number}: :::{name} needs {' and '.join(missing)}."
        )
    text = "\n".join(inner[taken:])
    values[spec.text] = (
        _rich(text, source, number + taken + 1) if spec.rich else plain_text(text)
    )
    return name, _value(name, values, source)


def _value(name: str, values: dict, source: Path) -> dict:
    if name == "document":
        ref = FileRef(source.parent / values.pop("file"), values.pop("title"))
        return {"document": ref, "description": values["description"]}
    if name == "figure":
        path = source.parent / values.pop("image")
        ref = FileRef(path, path.stem, values.pop("alt"))
        return {"image": ref, "caption": values["caption"]}
    return values


def _rich(text: str, source: Path, line: int) -> str:
    try:
        return rich_text(text)
    except MarkdownError as exc:
        raise ContentError(f"{source}, near line {line}: {exc}") from exc
