"""The corpus's nastiest payloads, posted under a lesson, run nothing in Chromium.

One enrolled learner posts ~30 payloads from brs-kb (script tags, event
handlers, ``javascript:`` and ``data:`` links, ``<svg onload>``, ``<iframe
srcdoc>``, style expressions, entity tricks, Markdown link forms) through the
posting service; another enrolled learner opens the lesson. No dialog may
open, no Content-Security-Policy violation may be reported (a
``securitypolicyviolation`` listener installed before any script, and the
console), no element may carry an event-handler attribute, and each post's
text must be on the page as text.
"""

from __future__ import annotations

import html5lib
import pytest

from tests.security.corpus import nastiest

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI} (${event.sample})`
  );
});
"""

HANDLER_ATTRIBUTES = """
() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.toLowerCase().startsWith("on")) {
        found.push(`${element.tagName} ${attribute.name}`);
      }
    }
  }
  return found;
}
"""


def _words(text: str) -> str:
    return " ".join(text.split())


def _shown_text(stored_html: str) -> str:
    root = html5lib.parseFragment(
        stored_html, treebuilder="etree", namespaceHTMLElements=False
    )
    return _words("".join(root.itertext()))


def _log_in(context, base_url: str, user) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


@pytest.fixture
def hostile_posts(settings, lesson, enrolled_learner):
    from lessons.discussion.services import post_create
    from lessons.models import PostKind

    settings.DISCUSSION_POST_RATE = (1000, 600)
    posts = []
    for n, payload in enumerate(nastiest(30)):
        kind = PostKind.QUESTION if n % 3 == 0 else PostKind.COMMENT
        posts.append(
            post_create(user=enrolled_learner, page=lesson, source=payload, kind=kind)
        )
    return posts


@pytest.fixture
def reader(course):
    from courses.models import EnrollmentSource
    from courses.services import enrollment_grant
    from tests.accounts.factories import UserFactory

    user = UserFactory(email="reader@example.com", first_name="Rita", last_name="R")
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


def test_the_nastiest_payloads_run_nothing_and_show_as_text(
    live_server, page, context, lesson, hostile_posts, reader
):
    dialogs: list[str] = []
    console_csp: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: (
            console_csp.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    context.add_init_script(CSP_LISTENER)
    _log_in(context, live_server.url, reader)

    response = page.goto(live_server.url + lesson.url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)  # let any timer- or load-driven payload fire
    shown = _words(page.inner_text("body"))
    violations = page.evaluate("window.__cspViolations")
    handlers = page.evaluate(HANDLER_ATTRIBUTES)

    assert response.status == 200
    assert len(hostile_posts) == 30
    missing = [
        post.source[:80]
        for post in hostile_posts
        if _shown_text(post.html) and _shown_text(post.html) not in shown
    ]
    assert not missing, f"{len(missing)} posts not shown as text: {missing[:5]}"
    assert dialogs == []
    assert violations == []
    assert console_csp == []
    assert handlers == []
