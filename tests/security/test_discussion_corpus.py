"""The whole published XSS corpus, posted to the discussion, stays harmless.

Every text of brs-kb and the Big List of Naughty Strings (see
``tests/security/corpus.py``), as it is and wrapped in Markdown links,
autolinks, code spans, link titles and link texts, goes through
:func:`core.markdown.markdown_render`; the raw texts also go straight into
:func:`core.sanitize.sanitize_html`, as if the Markdown stage let HTML through.
A deterministic sample of a few hundred goes through the posting service
itself. Each stored HTML is parsed again with html5lib and held against the
allowlists (``tests/security/html_policy.py``). Nothing may raise.

``pytest -s`` prints the corpus size. The rendered lesson page is checked in
``test_discussion_page_corpus.py``.
"""

from __future__ import annotations

import time

import pytest

from core.markdown import markdown_render
from core.sanitize import sanitize_html
from lessons.discussion.services import DiscussionError, post_create, post_source_clean
from lessons.models import Post, PostKind
from tests.security.corpus import (
    WRAPPERS,
    corpus,
    corpus_variants,
    naughty_strings,
    service_sample,
    xss_payloads,
)
from tests.security.html_policy import violations


def _report(failures: list[tuple[str, str, object]]) -> str:
    lines = [f"{len(failures)} payload(s) broke the policy; the first ones:"]
    for how, source, problem in failures[:15]:
        lines.append(f"  [{how}] {source[:160]!r}\n      -> {problem}")
    return "\n".join(lines)


def test_the_corpus_is_the_published_one_whole():
    print(
        f"\ncorpus: {len(xss_payloads())} brs-kb payloads + "
        f"{len(naughty_strings())} naughty strings = {len(corpus())} texts; "
        f"{len(corpus_variants())} sources with the {len(WRAPPERS)} Markdown "
        "wrappers"
    )

    assert len(xss_payloads()) > 4000
    assert len(naughty_strings()) > 400


def test_markdown_render_keeps_the_policy_for_every_payload_and_wrapper():
    failures = []
    started = time.perf_counter()
    for _text, how, source in corpus_variants():
        try:
            html = markdown_render(source)
        except Exception as error:  # any exception is the finding
            failures.append((how, source, f"raised {error!r}"))
            continue
        problems = violations(html)
        if problems:
            failures.append((how, source, problems))
    seconds = time.perf_counter() - started
    print(f"\nmarkdown_render + html5lib check: {seconds:.1f} s")

    assert not failures, _report(failures)


def test_sanitize_html_alone_keeps_the_policy_for_raw_html():
    """The wall holds even if the Markdown stage let a payload through as HTML."""
    failures = []
    for text in corpus():
        try:
            problems = violations(sanitize_html(text))
        except Exception as error:
            problems = f"raised {error!r}"
        if problems:
            failures.append(("raw HTML", text, problems))

    assert not failures, _report(failures)


@pytest.mark.django_db
def test_the_posting_service_stores_only_clean_html(settings, lesson, enrolled_learner):
    settings.DISCUSSION_POST_RATE = (100_000, 600)
    sample = service_sample()
    failures = []
    posted = 0
    for n, source in enumerate(sample):
        kind = PostKind.QUESTION if n % 2 else PostKind.COMMENT
        try:
            post = post_create(
                user=enrolled_learner, page=lesson, source=source, kind=kind
            )
        except DiscussionError:
            if source.replace("\x00", "").strip():
                failures.append(("service", source, "refused a non-blank text"))
            continue
        except Exception as error:
            failures.append(("service", source, f"raised {error!r}"))
            continue
        posted += 1
        stored = Post.objects.get(pk=post.pk)
        problems = violations(stored.html)
        if problems:
            failures.append(("service", source, problems))
        if stored.source != post_source_clean(source):
            failures.append(("service", source, "source not stored as cleaned"))
        if stored.html != markdown_render(stored.source):
            failures.append(("service", source, "html is not the source rendered"))
    print(f"\nposting service: {posted} of {len(sample)} sample texts posted")

    assert len(sample) >= 250
    assert posted >= len(sample) - 5  # only blank texts are refused
    assert not failures, _report(failures)


@pytest.mark.django_db
def test_nul_characters_are_dropped_before_storing(lesson, enrolled_learner):
    post = post_create(
        user=enrolled_learner, page=lesson, source="<scr\x00ipt>alert(1)</script>x"
    )

    assert "\x00" not in post.source
    assert "<script" not in post.html
    assert not violations(post.html)
