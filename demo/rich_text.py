"""Markdown from the content files, as Wagtail stores rich text and plain text.

Rich text is CommonMark through markdown-it-py, written the way Wagtail's
editor stores it: ``<p>``, ``<b>``, ``<i>``, ``<a href>``, ``<ul>``/``<ol>``
with ``<li>``, no line breaks between tags. What a rich-text field cannot hold
is switched off and stays literal text: raw HTML, headings (a ``## heading``
line in a lesson is a heading *block*, see ``directives``), images, code,
rules and tables.

Plain text (a quote, a reflection prompt) is not Markdown: lines are joined
with spaces and blank lines separate paragraphs.
"""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

_markdown = MarkdownIt("commonmark", {"html": False}).disable(
    [
        "code",
        "fence",
        "heading",
        "lheading",
        "hr",
        "html_block",
        "html_inline",
        "image",
        "backticks",
        "autolink",
        "reference",
    ]
)

# markdown-it's token names (without _open/_close) and the tags Wagtail stores.
_TAGS = {
    "paragraph": "p",
    "bullet_list": "ul",
    "ordered_list": "ol",
    "list_item": "li",
    "strong": "b",
    "em": "i",
    "blockquote": "blockquote",
}


class MarkdownError(ValueError):
    """The Markdown uses something a rich-text field cannot store."""


def rich_text(source: str) -> str:
    """Markdown to Wagtail's rich-text HTML (``""`` for empty text)."""
    return _render(_markdown.parse(source or ""))


def plain_text(source: str) -> str:
    """Wrapped lines to one string: lines joined, paragraphs kept apart."""
    chunks = re.split(r"\n\s*\n", (source or "").strip())
    return "\n\n".join(
        " ".join(line.strip() for line in chunk.splitlines() if line.strip())
        for chunk in chunks
        if chunk.strip()
    )


def _render(tokens: list[Token]) -> str:
    html: list[str] = []
    for token in tokens:
        if token.type == "inline":
            html.append(_render(token.children or []))
        elif token.hidden:
            continue  # the <p> of a tight list's item
        elif token.type == "text":
            html.append(escape(token.content, quote=False))
        elif token.type == "softbreak":
            html.append(" ")
        elif token.type == "hardbreak":
            html.append("<br/>")
        elif token.type == "link_open":
            html.append(f'<a href="{escape(str(token.attrs["href"]))}">')
        elif token.type == "link_close":
            html.append("</a>")
        elif token.type.endswith("_open") and token.type[:-5] in _TAGS:
            html.append(f"<{_TAGS[token.type[:-5]]}>")
        elif token.type.endswith("_close") and token.type[:-6] in _TAGS:
            html.append(f"</{_TAGS[token.type[:-6]]}>")
        else:
            raise MarkdownError(
                f"rich text cannot hold {token.type!r} (line {_line(token)})"
            )
    return "".join(html)


def _line(token: Token) -> str:
    return str(token.map[0] + 1) if token.map else "?"
