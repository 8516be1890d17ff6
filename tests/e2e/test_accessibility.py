"""axe-core on the pages most people see: no serious or critical violation.

Desktop and a phone viewport (390×844, an iPhone 12-15) for the lesson page,
which is where learners spend their time.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

AXE = Axe()


def blocking_violations(page) -> list[dict]:
    results = AXE.run(page)
    return [
        v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS
    ]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}: {node.get('failureSummary', '')!s}".rstrip())
    return "\n".join(lines)


def assert_accessible(page, what: str) -> None:
    violations = blocking_violations(page)
    assert not violations, (
        f"axe found {len(violations)} serious or critical violation(s) on {what} "
        f"({page.url}):\n{describe(violations)}"
    )


def open_page(page, url: str, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response.status}"
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    expect(page.get_by_role("main")).to_be_visible()


def test_home_page(page, demo):
    open_page(page, demo.url("/"), DESKTOP)
    assert_accessible(page, "the home page")


def test_course_page(page, demo):
    open_page(page, demo.url(demo.free_course), DESKTOP)
    assert_accessible(page, "the free course page")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_free_preview_lesson_as_visitor(page, demo, viewport):
    open_page(page, demo.url(demo.preview_lesson), viewport)
    expect(
        page.get_by_role("heading", level=1, name=demo.preview_lesson.title)
    ).to_be_visible()
    assert_accessible(page, f"a free-preview lesson ({viewport['width']} px wide)")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_enrolled_lesson_as_demo_learner(page, demo, viewport):
    demo.log_in(page.context, demo.learner_email)
    open_page(page, demo.url(demo.enrolled_lesson), viewport)
    expect(
        page.get_by_role("heading", level=1, name=demo.enrolled_lesson.title)
    ).to_be_visible()
    assert_accessible(page, f"an enrolled lesson ({viewport['width']} px wide)")


# The discussion: threads with badges and replies, and the compose page -------


def _discussion_under(lesson, learner_email: str, instructor_email: str) -> None:
    from django.contrib.auth import get_user_model

    from lessons.discussion.services import post_create
    from lessons.models import PostKind

    users = get_user_model().objects
    learner = users.get(email=learner_email)
    question = post_create(
        user=learner,
        page=lesson,
        source="Which records do you request **first**?\n\n- school\n- medical",
        kind=PostKind.QUESTION,
    )
    post_create(
        user=users.get(email=instructor_email),
        page=lesson,
        source="School records: they point to everything else. [ABA](https://www.americanbar.org/)",
        parent=question,
    )
    post_create(user=learner, page=lesson, source="A comment with `code`.")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_lessons_discussion(page, demo, viewport):
    _discussion_under(demo.enrolled_lesson, demo.learner_email, demo.instructor_email)
    demo.log_in(page.context, demo.learner_email)
    open_page(page, demo.url(demo.enrolled_lesson), viewport)
    expect(page.get_by_text("School records: they point")).to_be_visible()
    assert_accessible(page, f"a lesson's discussion ({viewport['width']} px wide)")


def test_the_compose_page_with_a_preview_and_a_warning(page, demo):
    demo.log_in(page.context, demo.learner_email)
    open_page(page, demo.url(demo.enrolled_lesson), DESKTOP)
    form = page.locator("form.discussion-form").first
    form.get_by_label("Your question or comment").fill(
        "My client, born 3/4/1985, asks about **records**."
    )
    form.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("This text seems to contain")).to_be_visible()
    assert_accessible(page, "the discussion's compose page")


# The account pages changed by the Hardening issue -------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "path", ["/accounts/sessions/", "/accounts/delete/"], ids=["devices", "delete"]
)
def test_signed_in_devices_and_account_deletion(page, demo, path, viewport):
    demo.log_in(page.context, demo.learner_email)
    open_page(page, demo.url(path), viewport)
    assert_accessible(page, f"{path} ({viewport['width']} px wide)")
