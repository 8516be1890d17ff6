"""What a bulk enrollment plans and does: rows, problems, the plan, the result."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from accounts.models import User
from courses.models import (
    CoursePage,
)

MAX_ROWS = 2000
MAX_BYTES = 1_000_000
NAME_MAX_LENGTH = 150  # User.first_name / last_name
SHOWN_VALUE_LENGTH = 80

# Audit log actions (registered with a readable message in wagtail_hooks.py).
ACTION_BULK_ENROLL = "practicum.learner.bulk_enroll"
ACTION_INVITE = "practicum.invitation.create"
ACTION_INVITATION_ACCEPT = "practicum.learner.invitation_accept"

COLUMN_ALIASES = {
    "email": "email",
    "e_mail": "email",
    "email_address": "email",
    "course": "course",
    "first_name": "first_name",
    "firstname": "first_name",
    "given_name": "first_name",
    "last_name": "last_name",
    "lastname": "last_name",
    "surname": "last_name",
    "family_name": "last_name",
}


class RowAction(enum.StrEnum):
    """What applying the plan does for one row."""

    ENROLL = "enroll"
    REACTIVATE = "reactivate"
    ALREADY_ENROLLED = "already_enrolled"
    INVITE = "invite"
    ALREADY_INVITED = "already_invited"

    @property
    def label(self) -> str:
        return str(ROW_ACTION_LABELS[self])

    @property
    def changes_something(self) -> bool:
        return self in (RowAction.ENROLL, RowAction.REACTIVATE, RowAction.INVITE)


ROW_ACTION_LABELS = {
    RowAction.ENROLL: gettext_lazy("Will enroll (existing account)"),
    RowAction.REACTIVATE: gettext_lazy("Will reactivate (revoked enrollment)"),
    RowAction.ALREADY_ENROLLED: gettext_lazy("Already enrolled — nothing to do"),
    RowAction.INVITE: gettext_lazy("Will invite (no account yet)"),
    RowAction.ALREADY_INVITED: gettext_lazy("Already invited — nothing to do"),
}


@dataclass(frozen=True)
class PlanRow:
    """One good row of the file and what applying it does."""

    line: int
    email: str
    course: CoursePage
    action: RowAction
    user: User | None = None
    first_name: str = ""
    last_name: str = ""
    note: str = ""

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class RowProblem:
    """A bad row: its line in the file, what it said, and what is wrong."""

    line: int
    value: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """What the file would do. A plain value: making one writes nothing."""

    rows_text: str
    default_course: CoursePage | None
    rows: tuple[PlanRow, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    file_problem: str = ""

    @property
    def is_valid(self) -> bool:
        """Every row is right (there is at least one, and no problem at all)."""
        return not self.file_problem and not self.problems and bool(self.rows)

    @property
    def changing_rows(self) -> list[PlanRow]:
        return [row for row in self.rows if row.action.changes_something]

    def count(self, *actions: RowAction) -> int:
        return sum(1 for row in self.rows if row.action in actions)

    @property
    def to_enroll(self) -> int:
        return self.count(RowAction.ENROLL, RowAction.REACTIVATE)

    @property
    def to_invite(self) -> int:
        return self.count(RowAction.INVITE)

    @property
    def unchanged(self) -> int:
        return self.count(RowAction.ALREADY_ENROLLED, RowAction.ALREADY_INVITED)


@dataclass
class Result:
    """What :func:`bulk_enroll_apply` did."""

    enrolled: int = 0  # new enrollments
    reactivated: int = 0  # revoked enrollments made active again
    invited: int = 0
    unchanged: int = 0
    invitation_ids: list[int] = field(default_factory=list)


def plan_lines(plan: Plan) -> Iterator[PlanRow | RowProblem]:
    """Rows and problems together, in the file's order (for the dry-run table)."""
    yield from sorted([*plan.rows, *plan.problems], key=lambda item: item.line)
