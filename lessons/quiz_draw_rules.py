"""What the instructor may set for how a quiz draws its questions.

Checked when the quiz page is saved (``QuizPage.clean``): a quiz draws every
question, a number from the whole pool, or a number from each section, and a
per-section draw needs every question in a section and every section to hold
at least that many questions. The messages name the question or section to
mend, in the instructor's words.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lessons import grading


def draw_settings_errors(
    *, pool: list[dict], draw_count: int, draw_per_section: int
) -> dict[str, list[str]]:
    """The editor's errors, by field name, for these draw settings (none: ``{}``)."""
    if not draw_per_section:
        return {}
    if draw_count:
        both = _(
            "Draw from the whole pool or from each section, not both: set one of "
            "the two to 0."
        )
        return {"draw_count": [both], "draw_per_section": [both]}
    found = grading.sections(pool)
    if "" in found:
        return {"draw_per_section": [_missing_sections(found[""])]}
    short = [
        _short_section(name, len(positions), draw_per_section)
        for name, positions in found.items()
        if len(positions) < draw_per_section
    ]
    return {"draw_per_section": short} if short else {}


def _missing_sections(positions: list[int]) -> str:
    numbers = ", ".join(str(index + 1) for index in positions)
    return ngettext(
        "To draw from each section, every question needs a section. Question "
        "%(numbers)s has none: fill in its “Section” under Content.",
        "To draw from each section, every question needs a section. Questions "
        "%(numbers)s have none: fill in their “Section” under Content.",
        len(positions),
    ) % {"numbers": numbers}


def _short_section(name: str, count: int, drawn: int) -> str:
    return ngettext(
        "The section “%(section)s” has %(count)s question, fewer than the "
        "%(drawn)s drawn from each section: add questions to it or draw fewer.",
        "The section “%(section)s” has %(count)s questions, fewer than the "
        "%(drawn)s drawn from each section: add questions to it or draw fewer.",
        count,
    ) % {"section": name, "count": count, "drawn": drawn}
