"""Markdown from the content files, stored as Wagtail's rich text stores it."""

from __future__ import annotations

import pytest

from demo.rich_text import MarkdownError, plain_text, rich_text


def test_paragraphs_bold_italic_and_links_in_wagtails_tags():
    html = rich_text(
        "One **bold** and *italic*\nline.\n\nA [link](https://example.com/)."
    )

    assert html == (
        "<p>One <b>bold</b> and <i>italic</i> line.</p>"
        '<p>A <a href="https://example.com/">link</a>.</p>'
    )


def test_lists_have_no_line_breaks_between_tags():
    html = rich_text("- one\n- two\n  wrapped\n\n1. first\n2. second")

    assert html == (
        "<ul><li>one</li><li>two wrapped</li></ul>"
        "<ol><li>first</li><li>second</li></ol>"
    )


def test_raw_html_stays_text():
    assert rich_text("<script>x</script> & co") == (
        "<p>&lt;script&gt;x&lt;/script&gt; &amp; co</p>"
    )


def test_a_heading_inside_rich_text_stays_text():
    assert rich_text("## not a heading here") == "<p>## not a heading here</p>"


def test_plain_text_joins_lines_and_keeps_paragraphs():
    assert plain_text("  one\n  two\n\n  three\n") == "one two\n\nthree"


def test_markdown_error_names_what_cannot_be_stored():
    from demo import rich_text as module

    module._markdown.enable("fence")
    try:
        with pytest.raises(MarkdownError, match="fence"):
            rich_text("```\ncode\n```")
    finally:
        module._markdown.disable("fence")
