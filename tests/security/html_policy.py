"""The policy a learner's stored HTML must meet, checked by re-parsing it.

The HTML is parsed again with html5lib (the WHATWG algorithm a browser
follows), independently of the sanitizer that wrote it, and every element and
attribute is held against ``core.sanitize``'s allowlists:

- no element outside ``ALLOWED_TAGS``, no comment;
- no attribute outside ``ALLOWED_ATTRIBUTES`` for its element, no ``on*``;
- no URL whose scheme, with entities decoded (by the parser, once, as a
  browser decodes them) and whitespace, control and format characters dropped
  wherever they are, is ``javascript:``, ``vbscript:`` or ``data:``
  or anything else outside ``ALLOWED_PROTOCOLS``;
- every ``<a>`` carries ``rel`` exactly ``LINK_REL``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from xml.etree import ElementTree

import html5lib

from core.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, ALLOWED_TAGS, LINK_REL

URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "data",
        "poster",
        "background",
        "xlink:href",
        "codebase",
        "cite",
        "dynsrc",
        "lowsrc",
    }
)
FORBIDDEN_SCHEMES = ("javascript:", "vbscript:", "data:")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def fragment(text: str) -> ElementTree.Element:
    """``text`` parsed as a browser parses the inside of a ``<div>``."""
    return html5lib.parseFragment(
        text, treebuilder="etree", namespaceHTMLElements=False
    )


def _local(name: str) -> str:
    """``{namespace}name`` as ``prefix:name`` for xlink, else the bare name."""
    if name.startswith("{http://www.w3.org/1999/xlink}"):
        return "xlink:" + name.split("}", 1)[1]
    return name.split("}", 1)[-1] if name.startswith("{") else name


def url_squashed(value: str) -> str:
    """A URL as the strictest reader sees its scheme: whitespace, control and
    format characters removed wherever they are, lower case.

    ``value`` comes from the parser, entities already decoded once, as a
    browser decodes them. Decoding again would be wrong: ``&amp;#106;…`` is
    the harmless relative URL ``&#106;…`` to a browser."""
    kept = [
        c
        for c in value
        if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf")
    ]
    return "".join(kept).lower()


def url_violation(value: str) -> str | None:
    squashed = url_squashed(value)
    for scheme in FORBIDDEN_SCHEMES:
        if squashed.startswith(scheme):
            return f"{scheme} URL {value!r}"
    match = _SCHEME.match(squashed)
    if match and match.group(1) not in ALLOWED_PROTOCOLS:
        return f"scheme {match.group(1)!r} outside the allowlist in {value!r}"
    return None


def violations(text: str | ElementTree.Element) -> list[str]:
    """Every way ``text`` (or its parsed :func:`fragment`) breaks the policy;
    empty when it meets it."""
    found: list[str] = []
    root = fragment(text) if isinstance(text, str) else text
    for element in root.iter():
        if element is root:
            continue
        if element.tag is ElementTree.Comment:
            found.append("a comment")
            continue
        tag = _local(element.tag) if isinstance(element.tag, str) else "?"
        if tag not in ALLOWED_TAGS or element.tag != tag:
            found.append(f"element <{element.tag}>")
        allowed = ALLOWED_ATTRIBUTES.get(tag, [])
        for raw_name, value in element.attrib.items():
            name = _local(raw_name)
            if name.lower().startswith("on"):
                found.append(f"event handler {name}= on <{tag}>")
            elif name not in allowed:
                found.append(f"attribute {name}= on <{tag}>")
            if name.lower() in URL_ATTRIBUTES:
                problem = url_violation(value)
                if problem:
                    found.append(f"{problem} in {name}= on <{tag}>")
        if tag == "a" and element.get("rel") != LINK_REL:
            found.append(f"<a> with rel={element.get('rel')!r}")
    return found


def tag_counts(text: str) -> Counter:
    """How many elements of each name a document has (comments as ``!--``)."""
    root = html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)
    return Counter(
        "!--" if element.tag is ElementTree.Comment else str(element.tag)
        for element in root.iter()
    )


def page_hazards(text: str) -> list[str]:
    """In a whole page: event-handler attributes and dangerous URLs anywhere."""
    root = html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for raw_name, value in element.attrib.items():
            name = _local(raw_name)
            if name.lower().startswith("on"):
                found.append(f"event handler {name}= on <{element.tag}>")
            squashed = url_squashed(value)
            if name.lower() in URL_ATTRIBUTES and squashed.startswith(
                FORBIDDEN_SCHEMES
            ):
                found.append(f"{value!r} in {name}= on <{element.tag}>")
    return found
