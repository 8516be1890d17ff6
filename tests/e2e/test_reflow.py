"""Reflow (WCAG 1.4.10): at a phone's 390 px no page scrolls sideways.

Every page type of tests/e2e/page_types.py, in the one seeded academy of the
module. A table wider than the screen scrolls inside its own wrapper, a
focusable region named after the table, so keyboard users can scroll it too.
"""

from __future__ import annotations

import pytest

from tests.e2e.page_types import PAGE_TYPES, PHONE, page_type_open
from tests.e2e.scan_site import SCAN_DB

pytestmark = [pytest.mark.e2e, SCAN_DB]

# The widest element's right edge and the tags of its ancestors, to say what
# widens the page when it is too wide.
WIDEST = """() => {
  let widest = null, right = 0;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect().right;
    if (r > right) { right = r; widest = el; }
  }
  const path = [];
  for (let el = widest; el && el !== document.body; el = el.parentElement) {
    path.unshift(el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  }
  return `${Math.round(right)} px: ${path.join(" > ")}`;
}"""


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.name)
def test_no_sideways_scrolling_at_390_px(page, scan_site, page_type):
    page_type_open(page, scan_site, page_type, PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (
        f"{page_type.name} is {width} px wide at {PHONE['width']} px; the widest "
        f"element ends at {page.evaluate(WIDEST)}"
    )


def test_a_wide_table_scrolls_in_a_named_focusable_region(page, scan_site):
    page_type_open(page, scan_site, PAGE_TYPES_BY_NAME["transcript"], PHONE)
    region = page.get_by_role(
        "region", name="Your valid certificates, newest first"
    ).first
    # Given the table is wider than the phone's screen
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    # When a keyboard user reaches the region and presses the right arrow
    region.focus()
    assert region.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowRight")
    # Then the table scrolls inside it
    page.wait_for_function(
        "el => el.scrollLeft > 0", arg=region.element_handle(), timeout=2_000
    )


PAGE_TYPES_BY_NAME = {page_type.name: page_type for page_type in PAGE_TYPES}
