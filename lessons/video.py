"""Turn a YouTube, Vimeo or Wistia address into an embed address, offline.

No oEmbed request is made: the address is parsed, and only these three hosts
are accepted (the site's CSP frame-src lists exactly their embed hosts).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{5,12}$")
_WISTIA_ID = re.compile(r"^[a-z0-9]{10}$")


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
