"""lessons.video.embed_url: three hosts, parsed offline, everything else refused."""

from __future__ import annotations

import pytest

from lessons.video import embed_url, video_embed

YT = "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", YT),
        ("https://youtube.com/watch?v=aqz-KE-bpKQ&t=42s", YT),
        ("https://m.youtube.com/watch?v=aqz-KE-bpKQ", YT),
        ("https://youtu.be/aqz-KE-bpKQ", YT),
        ("https://youtu.be/aqz-KE-bpKQ?si=abc", YT),
        ("https://www.youtube.com/shorts/aqz-KE-bpKQ", YT),
        ("https://www.youtube.com/embed/aqz-KE-bpKQ", YT),
        ("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ", YT),
        ("  https://youtu.be/aqz-KE-bpKQ  ", YT),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        (
            "https://player.vimeo.com/video/76979871",
            "https://player.vimeo.com/video/76979871",
        ),
        (
            "https://home.wistia.com/medias/e4a27b971d",
            "https://fast.wistia.net/embed/iframe/e4a27b971d",
        ),
        (
            "https://fast.wistia.net/embed/iframe/e4a27b971d",
            "https://fast.wistia.net/embed/iframe/e4a27b971d",
        ),
    ],
)
def test_supported_address_becomes_an_embed_address(url, expected):
    assert embed_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)//https://youtu.be/aqz-KE-bpKQ",
        "data:text/html,<script>alert(1)</script>",
        "ftp://youtu.be/aqz-KE-bpKQ",
        "https://evil.example.com/watch?v=aqz-KE-bpKQ",
        "https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ",
        "https://evilyoutube.com/watch?v=aqz-KE-bpKQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ%22onload%3D",
        "https://www.youtube.com/",
        "https://vimeo.com/not-a-number",
        "https://home.wistia.com/medias/../../etc",
        "https://wistia.com.evil.example/medias/e4a27b971d",
        "https://example.com/video.mp4",
        "not a url",
        "",
    ],
)
def test_other_address_is_refused(url):
    assert embed_url(url) is None


@pytest.mark.parametrize(
    ("url", "provider", "player", "watch"),
    [
        (
            "https://youtu.be/aqz-KE-bpKQ?si=abc",
            "YouTube",
            YT + "?autoplay=1",
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        ),
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
def test_video_embed_names_the_provider_its_player_and_public_page(
    url, provider, player, watch
):
    video = video_embed(url)

    assert video is not None
    assert (video.provider, video.player_url, video.watch_url) == (
        provider,
        player,
        watch,
    )


def test_video_embed_refuses_what_embed_url_refuses():
    assert video_embed("https://evil.example.com/watch?v=aqz-KE-bpKQ") is None
