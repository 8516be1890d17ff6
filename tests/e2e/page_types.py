"""Every page type the accessibility scans visit: who looks, and how to get there.

A row names a page type (its path comes from ``ScanSite.urls``), who looks at
it, what to do once it has loaded (fill a form, press a button) and the text
that shows the page is the one meant. Learner-facing pages first, then the
instructor's admin pages that are ours (Wagtail's own screens are not listed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import expect

from tests.e2e.scan_site import INSTRUCTOR, LEARNER, NEWCOMER, VISITOR

PHONE = {"width": 390, "height": 844}  # an iPhone 12-15
DESKTOP = {"width": 1280, "height": 800}


def _compose_preview(page) -> None:
    """Write a post that trips the confidentiality check, then ask for a preview."""
    form = page.locator("form.discussion-form").first
    form.get_by_label("Your question or comment").fill(
        "My client, born 3/4/1985, asks about **records**."
    )
    form.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("This text seems to contain")).to_be_visible()


@dataclass(frozen=True)
class PageType:
    name: str
    who: str
    then: Callable | None = None
    status: int = 200

    @property
    def admin(self) -> bool:
        return self.name.startswith("admin-")


PAGE_TYPES = [
    PageType("home", VISITOR),
    PageType("catalog", VISITOR),
    PageType("policy-page", VISITOR),
    PageType("accessibility-statement", VISITOR),
    PageType("course-visitor", VISITOR),
    PageType("course-learner", LEARNER),
    PageType("module", LEARNER),
    PageType("lesson", LEARNER),
    PageType("lesson-locked", NEWCOMER, status=403),  # the course's call to action
    PageType("discussion", LEARNER),
    PageType("discussion-compose", LEARNER, _compose_preview),
    PageType("quiz-start", LEARNER),
    PageType("quiz-form", LEARNER),
    PageType("quiz-attempts", LEARNER),  # passed: the history of attempts
    PageType("quiz-result", LEARNER),
    PageType("dashboard", LEARNER),
    PageType("orders", LEARNER),
    PageType("receipt", LEARNER),
    PageType("transcript", LEARNER),
    PageType("certificate", LEARNER),
    PageType("verification", VISITOR),
    PageType("signup", VISITOR),
    PageType("login", VISITOR),
    PageType("password-reset", VISITOR),
    PageType("profile", LEARNER),
    PageType("email", LEARNER),
    PageType("devices", LEARNER),
    PageType("account-deletion", LEARNER),
    PageType("checkout-confirm", NEWCOMER),
    PageType("checkout-test", NEWCOMER),
    PageType("evaluation", NEWCOMER),
    PageType("search", VISITOR),
    PageType("admin-home", INSTRUCTOR),
    PageType("admin-enrollments", INSTRUCTOR),
    PageType("admin-progress", INSTRUCTOR),
    PageType("admin-ce-roster", INSTRUCTOR),
    PageType("admin-board-roster", INSTRUCTOR),
    PageType("admin-evaluation-summary", INSTRUCTOR),
    PageType("admin-quiz-attempts", INSTRUCTOR),
    PageType("admin-item-analysis", INSTRUCTOR),
    PageType("admin-revenue", INSTRUCTOR),
    PageType("admin-payment-problems", INSTRUCTOR),
    PageType("admin-learners", INSTRUCTOR),
    PageType("admin-learner", INSTRUCTOR),
]


def page_type_open(page, site, page_type: PageType, viewport: dict) -> None:
    """Open ``page_type`` as its viewer at ``viewport``; fail on an error page."""
    site.log_in(page.context, page_type.who)
    page.set_viewport_size(viewport)
    url = site.url(page_type.name)
    response = page.goto(url)
    assert response is not None, f"{url} gave no response"
    assert response.status == page_type.status, f"{url} answered {response.status}"
    assert response.url == page.url and page.url == url, (
        f"{page_type.name}: {url} led to {page.url}"
    )
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    if not page_type.admin:
        expect(page.get_by_role("main")).to_be_visible()
    if page_type.then is not None:
        page_type.then(page)
