"""bleach (what we run) against nh3 (what we would switch to), on the corpus.

bleach 6.4.0 is its last release. The Markdown stage's HTML (markdown-it-py,
before any sanitizer) for every corpus source goes through both
:func:`core.sanitize.sanitize_html` and ``nh3.clean`` configured from the same
constants (``ALLOWED_TAGS``, ``ALLOWED_ATTRIBUTES``, ``ALLOWED_PROTOCOLS``,
``LINK_REL``, comments stripped). Both outputs must meet the policy of
``html_policy.py``; on plain Markdown posts both give the same DOM; on the
corpus they differ only in the four ways below, each harmless:

1. bleach's linkifier makes links of bare URLs and host names in the text
   (``see example.com``); nh3 has no linkifier.
2. Control characters HTML forbids (``\\x0b``, ``\\x1b``, …) become ``?`` in
   bleach and are dropped by nh3.
3. Text that looks like a character reference but is not one to CommonMark
   (``&#x000003c;``, seven hex digits) is printed by bleach as the reference,
   which a browser shows as ``<``, by nh3 as the text typed. Text only, never
   markup.
4. nh3 parses each URL and drops an ``href`` it cannot parse
   (``https://%22%3E%3Cscript%3E…``, no valid host); bleach keeps it, since
   its scheme is allowed. The link text stays in both.

So switching is a one-file change: ``sanitize_html`` in ``core/sanitize.py``
becomes ``nh3.clean(html, **NH3_OPTIONS)`` as below; to keep bare URLs
clickable, turn on markdown-it's ``linkify`` (linkify-it-py) in
``core/markdown.py`` at the same time. This test then stays as the proof.
"""

from __future__ import annotations

import html
import unicodedata
from xml.etree import ElementTree

import nh3
import pytest

from core.markdown import _markdown  # the Markdown stage, before the sanitizer
from core.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    LINK_REL,
    sanitize_html,
)
from tests.security.corpus import corpus_variants
from tests.security.html_policy import fragment, violations

NH3_OPTIONS = {
    "tags": set(ALLOWED_TAGS),
    # nh3 sets rel itself (link_rel) and refuses "rel" in the allowlist.
    "attributes": {
        tag: {name for name in names if name != "rel"}
        for tag, names in ALLOWED_ATTRIBUTES.items()
    },
    "url_schemes": set(ALLOWED_PROTOCOLS),
    "link_rel": LINK_REL,
    "strip_comments": True,
}

BENIGN = [
    "Plain text, one line.",
    "Two paragraphs.\n\nThe second one.",
    "A line\nbroken in two.",
    "Some *emphasis*, some **strong** text and some _more_ __of both__.",
    "- one\n- two\n- three",
    "1. first\n2. second\n   1. nested",
    "* item with `code`\n* item with [a link](https://example.com/guide)",
    "> A quote from the manual.\n>\n> Its second paragraph.",
    "> quoted\n> - with a list",
    "Run `make test` before you push.",
    "```\ncode block\n  indented <b>not bold</b>\n```",
    "    indented code block",
    "A [link](https://example.com/) and [another](http://example.org/path?q=1#top).",
    'A [titled link](https://example.com/ "The title").',
    "An autolink <https://example.com/docs> in a sentence.",
    "Mail me: <help@example.com> or [write](mailto:help@example.com).",
    "Escaped \\*stars\\* and 5 < 6 & 7 > 3.",
    "Quotes 'single' and \"double\", an apostrophe's too.",
    "Ünïcödé, emoji 🙂, right-to-left שלום.",
    "# not a heading here\n\n---\n\n![not an image](https://example.com/x.png)",
    "Text with <b>raw html</b> shown as text.",
    "Hard  \nbreak and a trailing backslash\\\nbreak.",
    "**bold with [a link](https://example.com/) inside**",
    "1) paren list\n2) item",
    "Nested quote:\n\n> outer\n>> inner",
]


def nh3_clean(html_text: str) -> str:
    return nh3.clean(html_text, **NH3_OPTIONS)


def dom(root: ElementTree.Element) -> list:
    """A parsed fragment as nested lists, attributes sorted, whitespace-only
    text dropped (so formatting newlines do not count)."""
    shape = []
    if root.text and root.text.strip():
        shape.append(root.text)
    for child in root:
        tag = child.tag if isinstance(child.tag, str) else "!--"
        shape.append([tag, sorted(child.attrib.items()), dom(child)])
        if child.tail and child.tail.strip():
            shape.append(child.tail)
    return shape


def _text_normal(text: str) -> str:
    text = html.unescape(text)  # difference 3
    text = "".join(
        c
        for c in text
        if c != "?" and (c in "\t\n\r " or unicodedata.category(c) != "Cc")
    )  # difference 2
    return " ".join(text.split())


def flat(root: ElementTree.Element) -> tuple[list, list]:
    """The fragment as start/end/text tokens with links unwrapped (difference
    1), and the links as ``(href, text)`` in document order."""
    tokens: list = []
    links: list = []

    def text(value):
        if value:
            if tokens and isinstance(tokens[-1], str):
                tokens[-1] += value
            else:
                tokens.append(value)

    def walk(element):
        text(element.text)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else "!--"
            if tag == "a":
                links.append((child.get("href"), "".join(child.itertext())))
            else:
                tokens.append(("<", tag, tuple(sorted(child.attrib.items()))))
            walk(child)
            if tag != "a":
                tokens.append((">", tag))
            text(child.tail)

    walk(root)
    normal = []
    for token in tokens:
        if isinstance(token, str):
            token = _text_normal(token)
            if not token:
                continue
        normal.append(token)
    return normal, links


def _linkified(href: str | None, text: str, source: str) -> bool:
    """A link bleach made from a bare URL or host name in the learner's text."""
    return text in html.unescape(source) and href in (text, f"http://{text}")


def _same_but_linkified(bleach_links: list, nh3_links: list, source: str) -> bool:
    remaining = [(href, _text_normal(text)) for href, text in nh3_links]
    for href, text in bleach_links:
        if remaining and remaining[0] in (
            (href, _text_normal(text)),
            (None, _text_normal(text)),  # difference 4
        ):
            remaining.pop(0)
        elif not _linkified(href, text, source):
            return False
    return not remaining


@pytest.mark.parametrize("source", BENIGN)
def test_plain_markdown_gives_the_same_dom_from_both(source):
    markdown_html = _markdown.render(source)

    ours = sanitize_html(markdown_html)
    theirs = nh3_clean(markdown_html)

    assert dom(fragment(ours)) == dom(fragment(theirs)), (ours, theirs)
    assert not violations(ours)
    assert not violations(theirs)


def test_the_benign_set_has_links_and_every_allowed_element():
    """The comparison above is not vacuous: it covers the whole allowlist."""
    seen = set()
    for source in BENIGN:
        seen |= {
            e.tag for e in fragment(sanitize_html(_markdown.render(source))).iter()
        }

    assert set(ALLOWED_TAGS) - {"b", "i"} <= seen  # Markdown writes strong/em


def test_both_keep_the_policy_and_differ_only_in_known_ways_on_the_corpus():
    broken: list[str] = []
    different: list[str] = []
    for _text, how, source in corpus_variants():
        markdown_html = _markdown.render(source.replace("\x00", ""))
        ours = fragment(sanitize_html(markdown_html))
        theirs = fragment(nh3_clean(markdown_html))
        for name, root in (("bleach", ours), ("nh3", theirs)):
            problems = violations(root)
            if problems:
                broken.append(f"{name} [{how}] {source[:120]!r}: {problems}")
        our_tokens, our_links = flat(ours)
        their_tokens, their_links = flat(theirs)
        if our_tokens != their_tokens or not _same_but_linkified(
            our_links, their_links, source
        ):
            different.append(f"[{how}] {source[:120]!r}")

    assert not broken, "\n".join(broken[:20])
    assert not different, f"{len(different)} unexplained:\n" + "\n".join(different[:20])
