"""Lesson blocks: a video must come from a supported host and carry a transcript."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from wagtail.blocks import StructBlockValidationError
from wagtail.rich_text import RichText

import pytest

from lessons.blocks import VideoBlock


def _video(url: str) -> dict:
    block = VideoBlock()
    return block, block.to_python(
        {"title": "Welcome", "url": url, "transcript": "<p>Hello.</p>"}
    )


def test_video_block_accepts_a_youtube_address():
    block, value = _video("https://youtu.be/aqz-KE-bpKQ")

    cleaned = block.clean(value)

    assert cleaned["url"] == "https://youtu.be/aqz-KE-bpKQ"


def test_video_block_refuses_another_host_on_the_url_field():
    # Given a video block pointing at a host the CSP does not allow
    block, value = _video("https://evil.example.com/movie.mp4")

    # When it is validated
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    # Then the error sits on the address field
    assert "url" in error.value.block_errors


def test_video_block_refuses_a_javascript_address():
    block, value = _video("javascript:alert(1)")

    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(value)


def test_video_block_requires_a_transcript():
    block = VideoBlock()
    value = block.to_python(
        {"title": "Welcome", "url": "https://youtu.be/aqz-KE-bpKQ", "transcript": ""}
    )

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "transcript" in error.value.block_errors


def test_video_block_renders_the_privacy_friendly_embed_address():
    block, value = _video("https://www.youtube.com/watch?v=aqz-KE-bpKQ")

    context = block.get_context(value)

    assert context["embed_url"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    assert isinstance(value["transcript"], RichText)
