"""The video block renders a local placeholder: nothing loads from the provider.

Opening a lesson must not tell YouTube, Vimeo or Wistia who reads it. So the
rendered block may hold the player's address only in a data attribute (read by
static/js/video.js when the learner presses play) and in the "Watch on …" link,
which is navigation, not a load. Every other URL the browser would fetch on its
own (src, srcset, poster, data, a <link>'s href, CSS url()) must be on-site.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from lessons.blocks import LessonStreamBlock

YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
NOCOOKIE = "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "action"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.IGNORECASE)


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of <style> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def is_off_site(url: str, here: str = "testserver") -> bool:
    """Whether ``url`` leaves the site (``here`` is the test client's host)."""
    parts = urlsplit(url.strip())
    if parts.scheme == "data":
        return False
    return bool(parts.scheme or parts.netloc) and parts.netloc != here


def loaded_urls(elements: Elements) -> list[str]:
    """What a browser fetches by itself from this markup, before any click."""
    urls = []
    for tag, attrs in elements.tags:
        for name, value in attrs.items():
            if name in LOADING_ATTRIBUTES:
                urls += [part.split()[0] for part in value.split(",") if part.strip()]
            if name == "href" and tag in ("link", "base"):
                urls.append(value)
            if name == "style":
                urls += CSS_URL.findall(value)
    for css in elements.styles:
        urls += CSS_URL.findall(css)
    return urls


def render(*videos: dict) -> str:
    block = LessonStreamBlock()
    stream = block.to_python(
        [
            {"type": "video", "id": f"block-{n}", "value": value}
            for n, value in enumerate(videos)
        ]
    )
    return stream.render_as_block()


def video(url: str = YOUTUBE, title: str = "Welcome to the course") -> dict:
    return {"title": title, "url": url, "transcript": "<p>Hello, I am Dana.</p>"}


def tag_with(elements: Elements, tag: str, **wanted: str) -> dict[str, str]:
    found = [
        attrs
        for name, attrs in elements.tags
        if name == tag and all(attrs.get(k) == v for k, v in wanted.items())
    ]
    assert len(found) == 1, f"expected one <{tag} {wanted}>, found {found}"
    return found[0]


def test_nothing_on_the_page_loads_from_another_site():
    elements = parse(render(video()))

    urls = loaded_urls(elements)

    assert urls == ["/static/js/video.js"]
    assert not any(is_off_site(url) for url in urls)
    assert not [tag for tag, _ in elements.tags if tag in ("iframe", "img", "video")]


def test_the_only_off_site_address_in_a_link_is_watch_on_the_provider():
    html = render(video())
    elements = parse(html)

    off_site = [
        attrs["href"]
        for tag, attrs in elements.tags
        if tag == "a" and is_off_site(attrs.get("href", ""))
    ]

    assert off_site == ["https://www.youtube.com/watch?v=aqz-KE-bpKQ"]
    assert re.search(r'rel="noopener noreferrer">Watch on YouTube<', html)


def test_the_player_address_waits_in_a_data_attribute():
    elements = parse(render(video(title="Records & interviews")))

    frame = tag_with(elements, "div", **{"data-video": ""})

    assert frame["data-embed-url"] == NOCOOKIE + "?autoplay=1"
    assert frame["data-title"] == "Records & interviews"


def test_the_play_button_names_the_provider_and_what_playing_means():
    html = render(video())
    elements = parse(html)

    button = tag_with(elements, "button", **{"data-video-play": ""})
    inner = re.search(r"<button[^>]*data-video-play[^>]*>(.*?)</button>", html, re.S)
    shown = " ".join(re.sub(r"<[^>]+>", " ", inner.group(1)).split())

    assert button["type"] == "button"
    # Hidden until video.js runs: without JavaScript there is no dead control.
    assert "hidden" in button
    assert shown == "Play video"
    # The name starts with what is shown (WCAG 2.5.3, label in name).
    assert button["aria-label"] == (
        "Play video: “Welcome to the course”. This loads the player from YouTube, "
        "which then sees your IP address and may set cookies."
    )


def test_the_transcript_link_points_at_the_transcript_on_the_page():
    elements = parse(render(video()))

    link = tag_with(elements, "a", **{"data-video-transcript": ""})
    target = link["href"].removeprefix("#")

    assert link["href"].startswith("#")
    details = tag_with(elements, "details", id=target)
    assert details["class"] == "transcript"


def test_two_videos_on_one_page_have_their_own_transcript_anchors():
    elements = parse(render(video(), video(title="Second")))

    ids = [attrs["id"] for _, attrs in elements.tags if "id" in attrs]

    assert len(ids) == len(set(ids)) == 4  # two figures, two transcripts


def test_the_block_uses_no_inline_script_style_or_handler():
    elements = parse(render(video()))

    for tag, attrs in elements.tags:
        assert "style" not in attrs, tag
        assert not [name for name in attrs if name.startswith("on")], tag
        if tag == "script":
            assert attrs["src"] == "/static/js/video.js"
            assert "defer" in attrs
    assert elements.styles == []


@pytest.mark.parametrize(
    ("url", "provider", "player", "watch"),
    [
        (
            "https://vimeo.com/76979871",
            "Vimeo",
            "https://player.vimeo.com/video/76979871?autoplay=1",
            "https://vimeo.com/76979871",
        ),
        (
            "https://home.wistia.com/medias/e4a27b971d",
            "Wistia",
            "https://fast.wistia.net/embed/iframe/e4a27b971d?autoPlay=true",
            "https://fast.wistia.net/embed/iframe/e4a27b971d",
        ),
    ],
)
def test_other_providers_get_their_name_player_and_page(url, provider, player, watch):
    html = render(video(url=url))
    elements = parse(html)

    assert tag_with(elements, "div", **{"data-video": ""})["data-embed-url"] == player
    assert tag_with(elements, "a", href=watch)
    assert f"loads the player from {provider}" in html
    assert not any(is_off_site(url) for url in loaded_urls(elements))


def test_an_unsupported_address_saved_earlier_shows_the_transcript_only():
    # Given a block saved before the address rule (no validation on render)
    html = render(video(url="https://example.com/movie.mp4"))
    elements = parse(html)

    assert "This video cannot be shown here" in html
    assert not [tag for tag, attrs in elements.tags if "data-video-play" in attrs]
    assert "example.com" not in html
    assert tag_with(elements, "a", **{"data-video-transcript": ""})
