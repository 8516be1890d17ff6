"""Markdown a learner writes, turned into HTML that is safe to show others.

CommonMark through markdown-it-py with raw HTML off (a ``<script>`` a learner
types shows as text), then :func:`core.sanitize.sanitize_html` as the wall that
decides what may reach a page. Render once, on write, and store both.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from core.sanitize import sanitize_html

# Headings, rules and images are not part of a post (the allowlist would drop
# them anyway): off, their Markdown shows as the text it is.
_markdown = MarkdownIt("commonmark", {"html": False, "breaks": True}).disable(
    ["heading", "lheading", "hr", "image"]
)


def markdown_render(source: str) -> str:
    """Return the sanitized HTML for the Markdown ``source``."""
    return sanitize_html(_markdown.render(source or "")).strip()
