"""Driving a page with the keyboard alone, and checking what the focus shows.

Only Tab, Enter and Space move through a journey (and typing fills a text
field). After every key the focused element is described: where it is, what it
is called, and whether its focus is visible, which here means it matches
``:focus-visible`` and it, or the card it stands for (a course card draws the
ring around the whole card), has an outline at least 2 px wide.
"""

from __future__ import annotations

from dataclasses import dataclass

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const ring = (node) => {
    const style = getComputedStyle(node);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  };
  let ringed = ring(el);
  if (!ringed) {
    const card = el.closest(".course-card");
    ringed = card !== null && ring(card);
  }
  const box = el.getBoundingClientRect();
  const label = el.labels && el.labels.length ? el.labels[0].textContent : "";
  const text = label || el.textContent || el.value || "";
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el.getAttribute("name") || "",
    type: el.getAttribute("type") || "",
    text: text.replace(/\\s+/g, " ").trim().slice(0, 60),
    focusVisible: el.matches(":focus-visible"),
    ringed: ringed,
    top: box.top + window.scrollY,
    inMain: el.closest("main") !== null,
    inForm: el.form ? Array.from(document.forms).indexOf(el.form) : -1,
  };
}"""


@dataclass
class Focus:
    tag: str
    id: str
    name: str
    type: str
    text: str
    focusVisible: bool  # noqa: N815 (as the browser names it)
    ringed: bool
    top: float
    inMain: bool  # noqa: N815
    inForm: int  # noqa: N815

    @property
    def visible(self) -> bool:
        return self.focusVisible and self.ringed

    def __str__(self) -> str:
        return f"<{self.tag} id={self.id!r} name={self.name!r}> {self.text!r}"


def focused(page) -> Focus | None:
    found = page.evaluate(FOCUSED)
    return Focus(**found) if found else None


def press(page, key: str) -> Focus | None:
    """Press ``key``; after Tab, the newly focused element must show its focus."""
    page.keyboard.press(key)
    now = focused(page)
    if key == "Tab":
        assert now is not None, "Tab left the focus nowhere (on the page's body)"
        assert now.visible, f"Focus is not visible on {now}"
    return now


def submit(page, key: str = "Enter") -> None:
    """Press ``key`` on a submit button (or link) and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def tab_until(page, matches, *, limit: int = 60) -> list[Focus]:
    """Press Tab until the focused element ``matches``; every step is returned."""
    steps: list[Focus] = []
    for _ in range(limit):
        now = press(page, "Tab")
        steps.append(now)
        if matches(now):
            return steps
    walked = "\n".join(f"  {step}" for step in steps)
    raise AssertionError(f"Tab never reached the element; it went:\n{walked}")


def named(text: str):
    return lambda focus: focus is not None and focus.text == text


def skip_to_main(page) -> None:
    """The first Tab reaches the skip link; Enter takes the focus into <main>."""
    first = press(page, "Tab")
    assert first.text == "Skip to main content", f"The first Tab reached {first}"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'main'")


def assert_reading_order(steps: list[Focus]) -> None:
    """Within <main>, each Tab goes down the page (or along the same line)."""
    in_main = [step for step in steps if step.inMain]
    for before, after in zip(in_main, in_main[1:], strict=False):
        assert after.top >= before.top - 1, (
            f"Tab went back up the page, from {before} to {after}"
        )
