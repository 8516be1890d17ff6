"""axe-core on every page type: no serious or critical violation.

Each page type of tests/e2e/page_types.py (learner-facing pages and the
instructor's admin pages that are ours) at a desktop width (1280 px) and a
phone's (390 px), in one seeded academy for the whole module.

No rule is switched off and nothing is excused: a finding in markup that only
Wagtail renders on our admin pages fails like any other (there is none today;
the scans of 2026-12 found no serious or critical one in Wagtail's markup).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.page_types import DESKTOP, PAGE_TYPES, PHONE, page_type_open
from tests.e2e.scan_site import SCAN_DB

pytestmark = [pytest.mark.e2e, SCAN_DB]

BLOCKING_IMPACTS = {"serious", "critical"}

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
            lines.append(f"      {node.get('html', '')[:200]}")
    return "\n".join(lines)


def assert_accessible(page, what: str) -> None:
    violations = blocking_violations(page)
    assert not violations, (
        f"axe found {len(violations)} serious or critical violation(s) on {what} "
        f"({page.url}):\n{describe(violations)}"
    )


def open_page(page, url: str, viewport: dict) -> None:
    """Open a page outside the table (tests/e2e/test_video_privacy.py)."""
    page.set_viewport_size(viewport)
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response.status}"
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    expect(page.get_by_role("main")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_no_serious_or_critical_violation(page, scan_site, page_type, viewport):
    page_type_open(page, scan_site, page_type, viewport)
    assert_accessible(page, f"{page_type.name} ({viewport['width']} px wide)")
