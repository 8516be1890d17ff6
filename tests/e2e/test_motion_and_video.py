"""Reduced motion is respected, and a video's placeholder works from the keyboard.

With the operating system's "reduce motion" setting (emulated), buttons stop
fading, links stop easing and the page no longer scrolls smoothly to an
anchor; without it they do, so the check is of the setting, not of a page with
no motion at all. The click-to-load placeholder of a video is a real button:
Tab reaches it, Enter loads the player and the focus moves into the player.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import named, skip_to_main, tab_until

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MOTION = """(selector) => {
  const el = document.querySelector(selector);
  const style = getComputedStyle(el);
  return {
    transition: style.transitionDuration,
    animation: style.animationDuration,
    scroll: getComputedStyle(document.documentElement).scrollBehavior,
  };
}"""
MOVING = [".site-header .button", ".site-search .button", ".skip-link", ".brand"]
EMBED_HOST = "www.youtube-nocookie.com"
STUB_PLAYER = "<!DOCTYPE html><title>Stub player</title><p>A stub player.</p>"


def motion(page, selector: str) -> dict:
    return page.evaluate(MOTION, selector)


def test_reduced_motion_stops_transitions_and_smooth_scrolling(
    page, live_server, home_page
):
    # Given a visitor whose system asks for no particular motion setting
    page.emulate_media(reduced_motion="no-preference")
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert motion(page, ".site-header .button")["transition"] != "0s"
    assert motion(page, "html")["scroll"] == "smooth"

    # When the system asks for reduced motion
    page.emulate_media(reduced_motion="reduce")

    # Then nothing moves: no transition, no animation, no smooth scrolling
    for selector in MOVING:
        seen = motion(page, selector)
        assert seen["transition"] == "0s", f"{selector} still moves: {seen}"
        assert seen["animation"] == "0s", f"{selector} still moves: {seen}"
        assert seen["scroll"] == "auto"


def log_in(context, base_url: str, user) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def test_the_video_placeholder_plays_from_the_keyboard(
    page, live_server, lesson, enrolled_learner
):
    from tests.demo.test_demo_video_lesson import with_a_sample_video

    video_lesson = with_a_sample_video(lesson)

    def off_site(route):  # the player is a local stub: nothing leaves the machine
        if urlsplit(route.request.url).hostname == EMBED_HOST:
            route.fulfill(status=200, content_type="text/html", body=STUB_PLAYER)
        else:
            route.abort()

    page.route(
        lambda url: urlsplit(url).hostname not in ("localhost", "127.0.0.1"), off_site
    )
    log_in(page.context, live_server.url, enrolled_learner)
    page.goto(live_server.url + video_lesson.url)
    expect(page.get_by_role("button", name="Play video")).to_be_visible()

    # Tab reaches the placeholder's control: a real button
    skip_to_main(page)
    play = tab_until(page, named("Play video"))[-1]
    assert play.tag == "button"
    assert page.locator("iframe").count() == 0

    # Enter loads the player, which takes the button's place and the focus
    page.keyboard.press("Enter")
    player = page.locator(f'iframe[src^="https://{EMBED_HOST}/embed/"]')
    expect(player).to_have_count(1)
    expect(player.content_frame.get_by_text("A stub player.")).to_be_visible()
    expect(player).to_be_focused()
    expect(page.get_by_role("button", name="Play video")).to_have_count(0)
