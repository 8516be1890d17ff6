"""Time on task in the browser: the lesson page sends its heartbeat while it
is visible (static/js/time_on_task.js, with the page's CSRF token), and says
what is left of the lesson minimum.

The browser's clock is fast-forwarded (Playwright's ``page.clock``), so the
minute between heartbeats takes no time; the server credits at most the real
time since the lesson was first opened.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.test_quiz_journey import log_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_lesson_page_sends_a_heartbeat_and_shows_the_time_left(
    page, context, live_server, course, lesson, enrolled_learner
):
    from courses.models import LessonTime

    course.lesson_time_percent = 50
    course.save()
    log_in(context, live_server.url, enrolled_learner)
    page.clock.install()

    with page.expect_response(lambda r: r.url.endswith("/time/")) as beat:
        page.goto(live_server.url + lesson.url)
        expect(page.get_by_text("before you can mark it complete")).to_be_visible()
        page.mouse.move(10, 10)  # the learner is active
        page.clock.run_for(61_000)

    assert beat.value.status == 200
    row = LessonTime.objects.get(user=enrolled_learner, page=lesson)
    assert row.last_heartbeat_at is not None
