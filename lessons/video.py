"""Turn a YouTube, Vimeo or Wistia address into an embed address, offline.

No oEmbed request is made: the address is parsed, and only these three hosts
are accepted (the site's CSP frame-src lists exactly their embed hosts).

``video_embed`` also says who the provider is, where the video's public page is
(the "Watch on …" link for readers without JavaScript) and which address the
player loads once the learner presses play (with autoplay, since the press is
the learner's request to watch). Until then the page loads nothing from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{5,12}$")
_WISTIA_ID = re.compile(r"^[a-z0-9]{10}$")


@dataclass(frozen=True)
class VideoEmbed:
    """A supported video: its provider, embed address and public page."""

    provider: str  # the name learners know: "YouTube", "Vimeo", "Wistia"
    embed_url: str  # the privacy-friendly player address, without parameters
    watch_url: str  # the video's own page at the provider (a navigation link)
    autoplay_query: str  # the provider's parameter that starts playback

    @property
    def player_url(self) -> str:
        """The address the iframe loads after the learner presses play."""
        return f"{self.embed_url}?{self.autoplay_query}"


def video_embed(url: str) -> VideoEmbed | None:
    """Describe the video at ``url``, or None if its host is not supported."""
    embed = embed_url(url)
    if embed is None:
        return None
    video_id = embed.rsplit("/", 1)[1]
    if embed.startswith("https://www.youtube-nocookie.com/"):
        return VideoEmbed(
            provider="YouTube",
            embed_url=embed,
            watch_url=f"https://www.youtube.com/watch?v={video_id}",
            autoplay_query="autoplay=1",
        )
    if embed.startswith("https://player.vimeo.com/"):
        return VideoEmbed(
            provider="Vimeo",
            embed_url=embed,
            watch_url=f"https://vimeo.com/{video_id}",
            autoplay_query="autoplay=1",
        )
    # Wistia has no public page of its own for a video: its player, opened as a
    # page, is what a "share" link shows.
    return VideoEmbed(
        provider="Wistia",
        embed_url=embed,
        watch_url=embed,
        autoplay_query="autoPlay=true",
    )


def embed_url(url: str) -> str | None:
    """Return the privacy-friendly embed address for ``url``, or None if unsupported."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]

    video_id = None
    if host == "youtu.be" and segments:
        video_id = segments[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if segments[:1] == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live"):
            video_id = segments[1]
    if video_id is not None:
        if _YOUTUBE_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        return None

    if host in ("vimeo.com", "player.vimeo.com"):
        candidate = segments[-1] if segments else ""
        if (
            host == "player.vimeo.com"
            and segments[:1] == ["video"]
            and len(segments) > 1
        ):
            candidate = segments[1]
        if _VIMEO_ID.match(candidate):
            return f"https://player.vimeo.com/video/{candidate}"
        return None

    is_wistia = host.endswith(("wistia.com", "wistia.net"))
    if is_wistia and len(segments) >= 2 and segments[-2] in ("medias", "iframe"):
        candidate = segments[-1]
        if _WISTIA_ID.match(candidate):
            return f"https://fast.wistia.net/embed/iframe/{candidate}"
    return None
