"""A lesson with a video asks no third party for anything until play is pressed.

The enrolled demo learner opens a demo lesson with a YouTube video. Every
request the browser makes is recorded: before the press, all of them go to the
live server. The press loads the player from youtube-nocookie.com, which
``page.route`` answers with a tiny local stub (nothing leaves the machine), and
that is the only new request. The iframe takes the placeholder's box (nothing
jumps) and focus. axe finds nothing serious on the page, before or after.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility import DESKTOP, assert_accessible, open_page

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 640}  # WCAG's reflow width: the hardest fit
EMBED_HOST = "www.youtube-nocookie.com"
STUB_PLAYER = "<!DOCTYPE html><title>Stub player</title><p>A stub player.</p>"
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def _video_lesson(demo):
    """The free course's first lesson with the test suite's sample video added.

    The demo itself shows no video until one is confirmed (issue 15; see
    tests/lessons/test_demo_video_lesson.py).
    """
    from tests.demo.test_demo_video_lesson import with_a_sample_video

    lesson = with_a_sample_video(demo.first_lesson)
    video = next(block.value for block in lesson.body if block.block_type == "video")
    return lesson, video


def _size(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return (box["width"], box["height"])


@pytest.fixture
def requests_seen(page):
    """Every request the page makes; anything off-site is answered locally."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))

    def off_site(route):
        if urlsplit(route.request.url).hostname == EMBED_HOST:
            route.fulfill(status=200, content_type="text/html", body=STUB_PLAYER)
        else:
            route.abort()

    page.route(
        lambda url: urlsplit(url).hostname not in ("localhost", "127.0.0.1"), off_site
    )
    return seen


def test_no_third_party_request_until_play(page, demo, requests_seen):
    lesson, video = _video_lesson(demo)
    page.context.add_init_script(CSP_LISTENER)
    demo.log_in(page.context, demo.learner_email)
    server = urlsplit(demo.base_url).netloc

    open_page(page, demo.url(lesson), DESKTOP)
    page.wait_for_load_state("networkidle")
    button = page.get_by_role("button", name="Play video")
    expect(button).to_have_accessible_name(
        f"Play video: “{video['title']}”. This loads the player from YouTube, "
        "which then sees your IP address and may set cookies."
    )
    frame = page.locator(".video__frame").first
    size_before = _size(frame)
    before_play = list(requests_seen)

    # Given the page has loaded, nothing was asked of anyone but our server
    assert before_play, "no request recorded: the listener is not working"
    assert [url for url in before_play if urlsplit(url).netloc != server] == []
    assert page.locator("iframe").count() == 0

    # When the learner presses play
    button.click()
    player = page.locator(f'iframe[src^="https://{EMBED_HOST}/embed/"]')
    expect(player).to_have_count(1)
    expect(player).to_have_attribute("title", video["title"])
    expect(player).to_have_attribute(
        "referrerpolicy", "strict-origin-when-cross-origin"
    )
    expect(player.content_frame.get_by_text("A stub player.")).to_be_visible()
    page.wait_for_load_state("networkidle")

    # Then the player, and only the player, was loaded from YouTube's embed host
    new = requests_seen[len(before_play) :]
    assert new == [player.get_attribute("src")]
    assert urlsplit(new[0]).query == "autoplay=1"
    # in the placeholder's box, with focus
    assert _size(frame) == size_before
    assert _size(player) == size_before
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert page.evaluate("window.__cspViolations") == []


def test_the_transcript_link_opens_the_transcript(page, demo, requests_seen):
    lesson, _ = _video_lesson(demo)
    demo.log_in(page.context, demo.learner_email)
    open_page(page, demo.url(lesson), DESKTOP)
    transcript = page.locator("details.transcript").first

    page.get_by_role("link", name="Read the transcript").first.click()

    expect(transcript).to_have_attribute("open", "")
    expect(transcript.locator(".transcript__text")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop", "narrow"])
def test_the_lesson_with_a_video_is_accessible(page, demo, requests_seen, viewport):
    lesson, _ = _video_lesson(demo)
    demo.log_in(page.context, demo.learner_email)
    open_page(page, demo.url(lesson), viewport)
    expect(page.get_by_role("button", name="Play video")).to_be_visible()
    placeholder = page.locator(".video__placeholder").first

    # The button and the note fit in the 16:9 box (it clips what overflows)
    assert placeholder.evaluate("box => box.scrollHeight <= box.clientHeight")
    assert_accessible(page, f"a lesson with a video ({viewport['width']} px wide)")
