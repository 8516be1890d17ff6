"""Small builders that turn wrapped prose into StreamField blocks.

The demo content is written as plain Python: each helper returns one
``(block_name, value)`` tuple in the shape a StreamField accepts. Rich text
follows Wagtail's storage format (``<p>``, ``<b>``, ``<i>``, ``<ul>``), so the
editor opens it exactly as an instructor would have typed it.

``text()`` understands just enough structure for prose: blank lines separate
paragraphs, and a paragraph whose lines start with ``- `` (or ``1. ``) becomes
a bulleted (or numbered) list. Inline HTML (``<b>``, ``<i>``) passes through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from textwrap import dedent

Block = tuple[str, object]

_NUMBERED = re.compile(r"^\d+\.\s+")


def _join(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


def _list_items(lines: list[str], marker: re.Pattern[str] | str) -> list[str]:
    items: list[list[str]] = []
    for line in lines:
        stripped = line.strip()
        if isinstance(marker, str) and stripped.startswith(marker):
            items.append([stripped[len(marker) :]])
        elif not isinstance(marker, str) and marker.match(stripped):
            items.append([marker.sub("", stripped, count=1)])
        elif items:
            items[-1].append(stripped)
    return [_join(item) for item in items]


def rich(source: str) -> str:
    """Wrapped prose to rich-text HTML: paragraphs and simple lists."""
    html: list[str] = []
    for chunk in re.split(r"\n\s*\n", dedent(source).strip()):
        lines = chunk.splitlines()
        first = lines[0].strip()
        if first.startswith("- "):
            items = _list_items(lines, "- ")
            html.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
        elif _NUMBERED.match(first):
            items = _list_items(lines, _NUMBERED)
            html.append("<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>")
        else:
            html.append(f"<p>{_join(lines)}</p>")
    return "".join(html)


def plain(source: str) -> str:
    """Wrapped prose to one plain-text string (for text, not rich-text, fields)."""
    return "\n\n".join(
        _join(chunk.splitlines())
        for chunk in re.split(r"\n\s*\n", dedent(source).strip())
    )


def h2(text_: str) -> Block:
    return ("heading", {"text": text_, "level": "h2"})


def h3(text_: str) -> Block:
    return ("heading", {"text": text_, "level": "h3"})


def text(source: str) -> Block:
    return ("paragraph", rich(source))


def callout(title: str, source: str) -> Block:
    return ("callout", {"title": title, "text": rich(source)})


def quote(source: str, attribution: str = "") -> Block:
    return ("quote", {"text": plain(source), "attribution": attribution})


def reflection(source: str) -> Block:
    return ("reflection", {"prompt": plain(source)})


def video(title: str, url: str, transcript: str) -> Block:
    return ("video", {"title": title, "url": url, "transcript": rich(transcript)})


@dataclass(frozen=True)
class DocumentRef:
    """A demo document by key; the loader swaps in the real Wagtail document."""

    key: str


def document(key: str, description: str) -> Block:
    return ("document", {"document": DocumentRef(key), "description": description})


NOT_LEGAL_ADVICE = callout(
    "Not legal advice",
    """
    This lesson is educational and is not legal advice. Rules differ between
    jurisdictions and change over time: follow the direction of the attorney you
    work with.
    """,
)
