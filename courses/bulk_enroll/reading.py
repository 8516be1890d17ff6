"""Reading the uploaded file: delimiter, header, aliases, one row at a time."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from courses.bulk_enroll.records import (
    COLUMN_ALIASES,
    MAX_BYTES,
    MAX_ROWS,
    NAME_MAX_LENGTH,
    SHOWN_VALUE_LENGTH,
    RowProblem,
)
from courses.models import (
    CoursePage,
)


@dataclass(frozen=True)
class _Row:
    line: int
    cells: dict[str, str]
    extra: bool = False  # a header-less file with more than one column here


def _shown(value: str) -> str:
    value = value.strip()
    if len(value) > SHOWN_VALUE_LENGTH:
        return value[: SHOWN_VALUE_LENGTH - 1] + "…"
    return value


def _column_key(cell: str) -> str:
    key = re.sub(r"[\s\-]+", "_", cell.strip().lower())
    return COLUMN_ALIASES.get(key, key)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_rows(text: str) -> tuple[list[_Row], str]:
    """Split the text into data rows keyed by column. Returns (rows, file problem)."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return [], _(
            "The file is larger than 1 MB. Split it into smaller files and "
            "enroll them one at a time."
        )
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows: list[_Row] = []
    columns: list[str] | None = None
    headerless = False
    previous_line = 0
    try:
        for cells in reader:
            line, previous_line = previous_line + 1, reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            if columns is None:
                keys = [_column_key(cell) for cell in cells]
                if "email" in keys:
                    columns = keys
                    continue
                filled = [cell for cell in cells if cell]
                if len(filled) == 1 and "@" in filled[0]:
                    columns, headerless = ["email"], True
                else:
                    return [], _(
                        "The first line must name the columns, and one of them "
                        "must be email. It reads: %(line)s"
                    ) % {"line": _shown(", ".join(cells))}
            if len(rows) == MAX_ROWS:
                return [], _(
                    "The file has more than %(max)s rows. Split it into smaller "
                    "files and enroll them one at a time."
                ) % {"max": f"{MAX_ROWS:,}"}
            values = dict(zip(columns, cells, strict=False))
            extra = headerless and any(cells[1:])
            rows.append(_Row(line=line, cells=values, extra=extra))
    except csv.Error as error:
        return [], _(
            "The file could not be read as CSV near line %(line)s: %(error)s"
        ) % {
            "line": reader.line_num,
            "error": error,
        }
    if columns is None or not rows:
        return [], _("The file has no rows to enroll.")
    return rows, ""


class _Courses:
    """Find a course by slug or exact title, as the file names it."""

    def __init__(self) -> None:
        self.by_slug: dict[str, list[CoursePage]] = {}
        self.by_title: dict[str, list[CoursePage]] = {}
        for course in CoursePage.objects.order_by("title"):
            self.by_slug.setdefault(course.slug.lower(), []).append(course)
            self.by_title.setdefault(course.title.strip().casefold(), []).append(course)

    def find(self, value: str) -> tuple[CoursePage | None, str]:
        matches = self.by_slug.get(value.lower()) or self.by_title.get(
            value.casefold(), []
        )
        if len(matches) == 1:
            return matches[0], ""
        if not matches:
            return None, _("No course has this slug or title: “%(value)s”.") % {
                "value": _shown(value)
            }
        return None, _(
            "More than one course is called “%(value)s”; use the course's slug "
            "instead (the last part of its web address)."
        ) % {"value": _shown(value)}


def _valid_row(
    row: _Row, *, courses: _Courses, default_course: CoursePage | None
) -> tuple[tuple[str, CoursePage, str, str] | None, RowProblem | None]:
    raw_email = row.cells.get("email", "")

    def problem(reason: str, value: str = raw_email) -> tuple[None, RowProblem]:
        return None, RowProblem(line=row.line, value=_shown(value), reason=reason)

    if row.extra:
        return problem(
            _(
                "This line has more than one column, but the file has no header "
                "line naming them. Add a first line such as: email,course"
            )
        )
    if not raw_email:
        return problem(_("The email is empty."))
    email = raw_email.lower()
    try:
        validate_email(email)
    except ValidationError:
        return problem(_("This is not a valid email address."))
    course_name = row.cells.get("course", "")
    if course_name:
        course, reason = courses.find(course_name)
        if course is None:
            return problem(reason, course_name)
    elif default_course is not None:
        course = default_course
    else:
        return problem(
            _(
                "No course: fill in this row's course column or pick a default "
                "course above."
            )
        )
    first_name = row.cells.get("first_name", "")
    last_name = row.cells.get("last_name", "")
    if len(first_name) > NAME_MAX_LENGTH or len(last_name) > NAME_MAX_LENGTH:
        return problem(
            _("The name is longer than %(max)s characters.") % {"max": NAME_MAX_LENGTH}
        )
    return (email, course, first_name, last_name), None
