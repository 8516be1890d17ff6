"""core.sanitize.sanitize_html: learner-written HTML keeps text, loses attacks."""

from __future__ import annotations

import pytest

from core.sanitize import sanitize_html


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<script>alert(1)</script><p>hi</p>", "<script"),
        ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<script"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<p onclick="alert(1)">hi</p>', "onclick"),
        ('<a href="#" onmouseover="alert(1)">x</a>', "onmouseover"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript"),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "ascript:"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ('<p style="background:url(javascript:alert(1))">hi</p>', "style"),
        ("<style>p{color:red}</style><p>hi</p>", "<style"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<object data="x.swf"></object>', "<object"),
        ('<svg onload="alert(1)"></svg>', "<svg"),
        ('<form action="https://evil.example"><input name="x"></form>', "<form"),
        ("<!-- <script>alert(1)</script> -->", "<!--"),
    ],
)
def test_dangerous_markup_is_removed(dirty, forbidden):
    assert forbidden not in sanitize_html(dirty).lower()


@pytest.mark.parametrize(
    "html",
    [
        "<p>Plain <strong>bold</strong> and <em>italic</em>.</p>",
        "<ul><li>one</li><li>two</li></ul>",
        "<ol><li>first</li></ol>",
        "<blockquote>Quoted</blockquote>",
        "<p>Run <code>make test</code></p>",
        "<p>line<br>break</p>",
    ],
)
def test_allowed_markup_is_kept(html):
    assert sanitize_html(html) == html


def test_links_get_nofollow_ugc_noopener():
    cleaned = sanitize_html('<a href="https://example.com/">a link</a>')

    assert 'href="https://example.com/"' in cleaned
    assert 'rel="nofollow ugc noopener"' in cleaned


def test_a_link_cannot_choose_its_own_rel():
    cleaned = sanitize_html('<a href="https://example.com/" rel="opener">x</a>')

    assert 'rel="nofollow ugc noopener"' in cleaned
    assert 'rel="opener"' not in cleaned


def test_bare_urls_become_safe_links():
    cleaned = sanitize_html("<p>See https://example.com/guide</p>")

    assert '<a href="https://example.com/guide" rel="nofollow ugc noopener">' in cleaned


def test_mailto_links_are_kept():
    cleaned = sanitize_html('<a href="mailto:help@example.com">mail us</a>')

    assert 'href="mailto:help@example.com"' in cleaned


def test_text_is_escaped_not_executed():
    cleaned = sanitize_html("5 < 6 & <b>bold</b>")

    assert cleaned == "5 &lt; 6 &amp; <b>bold</b>"


def test_empty_and_none_give_empty_text():
    assert sanitize_html("") == ""
    assert sanitize_html(None) == ""


@pytest.mark.parametrize(
    "bare",
    [
        "data:example.com/x",
        "data://evil.example.com/text/html;base64,PHNjcmlwdD4=",
        "ftp://files.example.com/",
        "feed:example.com",
        "ssh://host.example.com",
    ],
)
def test_bare_urls_of_other_schemes_are_not_linked(bare):
    """bleach's linkifier runs after the protocol check: by default it made
    ``<a href="data:example.com/x">`` from plain text. Only the allowed
    schemes are recognised now (the host may still become an http link)."""
    cleaned = sanitize_html(f"<p>{bare}</p>")

    scheme = bare.split(":", 1)[0]
    assert f'href="{scheme}:' not in cleaned
