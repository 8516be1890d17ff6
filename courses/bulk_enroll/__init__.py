"""Bulk enrollment from a CSV of emails, and the invitations it leaves behind.

An agency buys seats for its office and sends a list of addresses. The
instructor uploads it; :func:`bulk_enroll_plan` reads it and says, row by row,
what would happen (a dry run that writes nothing); :func:`bulk_enroll_apply`
does it. A person with no verified account gets an :class:`Invitation` and an
email; when they sign up and verify that address, :func:`invitations_accept`
turns every pending invitation into an enrollment.

The file: a header row naming the columns, ``email`` required, ``course``
(a course's slug or exact title), ``first_name`` and ``last_name`` optional;
a bare one-column list of addresses is read too. Any bad row makes the whole
plan unappliable: nothing is applied until every row is right.
"""

from courses.bulk_enroll.apply import (
    bulk_enroll_apply,
)
from courses.bulk_enroll.invitations import (
    invitations_accept,
)
from courses.bulk_enroll.plan import (
    bulk_enroll_plan,
)
from courses.bulk_enroll.records import (
    ACTION_BULK_ENROLL,
    ACTION_INVITATION_ACCEPT,
    ACTION_INVITE,
    COLUMN_ALIASES,
    MAX_BYTES,
    MAX_ROWS,
    NAME_MAX_LENGTH,
    ROW_ACTION_LABELS,
    SHOWN_VALUE_LENGTH,
    Plan,
    PlanRow,
    Result,
    RowAction,
    RowProblem,
    plan_lines,
)

__all__ = [
    "ACTION_BULK_ENROLL",
    "ACTION_INVITATION_ACCEPT",
    "ACTION_INVITE",
    "COLUMN_ALIASES",
    "MAX_BYTES",
    "MAX_ROWS",
    "NAME_MAX_LENGTH",
    "Plan",
    "PlanRow",
    "ROW_ACTION_LABELS",
    "Result",
    "RowAction",
    "RowProblem",
    "SHOWN_VALUE_LENGTH",
    "bulk_enroll_apply",
    "bulk_enroll_plan",
    "invitations_accept",
    "plan_lines",
]
