"""The only module that imports bleach: learner-written HTML is cleaned here.

bleach 6.4.0 is final upstream (security-maintenance ended); keeping every use
behind this module makes a later move to nh3 a one-file change. Sanitize once,
on write, and store the clean HTML.
"""

from __future__ import annotations

from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter, build_url_re

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "ul",
        "ol",
        "li",
        "blockquote",
        "a",
        "code",
        "pre",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"


def _set_rel(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = LINK_REL
    return attrs


# The linkifier runs after the protocol check and by default turns bare
# ``ftp://…``, ``data:host.tld/…``, ``feed:…`` (any of ~20 schemes) into links:
# it may only recognise the schemes a link may have.
_linkify = partial(
    LinkifyFilter,
    callbacks=[_set_rel],
    skip_tags={"code", "pre"},
    url_re=build_url_re(protocols=ALLOWED_PROTOCOLS),
)

_cleaner = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_linkify],
)


def sanitize_html(html: str) -> str:
    """Return ``html`` with only the allowlisted tags, attributes and protocols.

    Links get ``rel="nofollow ugc noopener"``; bare URLs become such links.
    Anything else (scripts, event handlers, styles, iframes) is removed.
    """
    return _cleaner.clean(html or "")
