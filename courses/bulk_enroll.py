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

from __future__ import annotations

import csv
import enum
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogContext, log

from allauth.account.models import EmailAddress

from accounts.models import User
from courses.models import (
    CoursePage,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
    Invitation,
)
from courses.services import enrollment_grant
from courses.tasks import invitation_send

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


# Reading the file ----------------------------------------------------------------


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


# Plan ----------------------------------------------------------------------------


def _accounts(emails: set[str]) -> tuple[dict[str, User], set[str]]:
    """Who owns each address: ``(accounts to enroll, addresses not yet verified)``.

    An address belongs to an account to enroll when it is verified, or when
    the account was made by staff and has no address record at all (allauth
    never saw it). An account whose address is known and not verified gets an
    invitation: it becomes an enrollment when they verify.
    """
    owners: dict[str, User] = {}
    for address in (
        EmailAddress.objects.annotate(address=Lower("email"))
        .filter(address__in=emails, verified=True)
        .select_related("user")
    ):
        owners.setdefault(address.address, address.user)
    unverified = set(
        EmailAddress.objects.annotate(address=Lower("email"))
        .filter(address__in=emails, verified=False)
        .values_list("user_id", "address")
    )
    awaiting: set[str] = set()
    for user in User.objects.annotate(address=Lower("email")).filter(
        address__in=emails
    ):
        if user.address in owners:
            continue
        if (user.pk, user.address) in unverified:
            awaiting.add(user.address)
        else:
            owners[user.address] = user
    return owners, awaiting


def bulk_enroll_plan(*, rows_text: str, default_course: CoursePage | None) -> Plan:
    """Read, validate and classify a bulk-enrollment file. Writes nothing.

    Invariants: a pure read (a fixed handful of queries, whatever the size of
    the file); every bad row (empty or malformed email, unknown or ambiguous
    course, the same email and course twice, no course at all) is reported with
    its line number, and then the plan is not valid and cannot be applied.
    Line numbers count every line of the file, the header included, so they
    match a text editor and a spreadsheet's row numbers. Emails are compared
    in lower case. A file over :data:`MAX_ROWS` rows or :data:`MAX_BYTES`
    bytes is refused as a whole (``file_problem``).
    """
    read, file_problem = _read_rows(rows_text)
    if file_problem:
        return Plan(
            rows_text=rows_text,
            default_course=default_course,
            file_problem=file_problem,
        )
    courses = _Courses()
    problems: list[RowProblem] = []
    valid: list[tuple[int, str, CoursePage, str, str]] = []
    first_seen: dict[tuple[str, int], int] = {}
    for row in read:
        values, problem = _valid_row(
            row, courses=courses, default_course=default_course
        )
        if problem is not None:
            problems.append(problem)
            continue
        email, course, first_name, last_name = values
        earlier = first_seen.setdefault((email, course.pk), row.line)
        if earlier != row.line:
            problems.append(
                RowProblem(
                    line=row.line,
                    value=_shown(email),
                    reason=_("This repeats line %(line)s: the same email and course.")
                    % {"line": earlier},
                )
            )
            continue
        valid.append((row.line, email, course, first_name, last_name))

    emails = {email for _line, email, *_rest in valid}
    owners, awaiting = _accounts(emails)
    course_ids = {course.pk for *_head, course, _f, _l in valid}
    enrollments = {
        (user_id, course_id): status
        for user_id, course_id, status in Enrollment.objects.filter(
            user__in=list(owners.values()), course_id__in=course_ids
        ).values_list("user_id", "course_id", "status")
    }
    invited = set(
        Invitation.objects.filter(email__in=emails).values_list("email", "course_id")
    )
    rows = [
        _classified(
            line=line,
            email=email,
            course=course,
            first_name=first_name,
            last_name=last_name,
            owner=owners.get(email),
            awaiting=email in awaiting,
            enrollments=enrollments,
            invited=invited,
        )
        for line, email, course, first_name, last_name in valid
    ]
    return Plan(
        rows_text=rows_text,
        default_course=default_course,
        rows=tuple(rows),
        problems=tuple(problems),
    )


def _classified(
    *,
    line: int,
    email: str,
    course: CoursePage,
    first_name: str,
    last_name: str,
    owner: User | None,
    awaiting: bool,
    enrollments: dict[tuple[int, int], str],
    invited: set[tuple[str, int]],
) -> PlanRow:
    note = ""
    if owner is not None:
        status = enrollments.get((owner.pk, course.pk))
        if status is None:
            action = RowAction.ENROLL
        elif status == EnrollmentStatus.REVOKED:
            action = RowAction.REACTIVATE
        else:
            action = RowAction.ALREADY_ENROLLED
        if not owner.is_active:
            note = _("This account is deactivated: it cannot log in.")
    else:
        if (email, course.pk) in invited:
            action = RowAction.ALREADY_INVITED
        else:
            action = RowAction.INVITE
        if awaiting:
            note = _(
                "An account with this address exists but has not confirmed it; "
                "the enrollment starts when they do."
            )
    return PlanRow(
        line=line,
        email=email,
        course=course,
        action=action,
        user=owner,
        first_name=first_name,
        last_name=last_name,
        note=note,
    )


# Apply ---------------------------------------------------------------------------


def bulk_enroll_apply(*, plan: Plan, invited_by: User) -> Result:
    """Do what a valid plan says: enroll, reactivate, invite. All or nothing.

    Invariants: refuses (``ValueError``) a plan with any problem, so a file
    with one bad row applies nothing. Runs in one transaction. Idempotent:
    enrollments go through ``enrollment_grant`` (an active one is left as it
    is) and invitations are unique per (email, course), so applying the same
    file twice enrolls and invites once. Enrollments are ``MANUAL``; each
    enrollment or reactivation is logged against the learner
    (``practicum.learner.bulk_enroll``), each invitation against itself
    (``practicum.invitation.create``), all with one shared log uuid. Each new
    invitation's email is enqueued after commit; nothing is sent on rollback.
    """
    if not plan.is_valid:
        raise ValueError("A bulk-enrollment plan with problems cannot be applied.")
    result = Result()
    with transaction.atomic(), LogContext(user=invited_by):
        for row in plan.rows:
            if row.action in (RowAction.ENROLL, RowAction.REACTIVATE):
                _apply_enrollment(row, result=result, invited_by=invited_by)
            elif row.action == RowAction.INVITE:
                _apply_invitation(row, result=result, invited_by=invited_by)
            else:
                result.unchanged += 1
        for invitation_id in result.invitation_ids:
            transaction.on_commit(
                partial(invitation_send.enqueue, invitation_id), robust=True
            )
    return result


def _log_data(row: PlanRow) -> dict:
    return {
        "course_id": row.course.pk,
        "course_title": row.course.title,
        "line": row.line,
    }


def _apply_enrollment(row: PlanRow, *, result: Result, invited_by: User) -> None:
    assert row.user is not None
    was_revoked = Enrollment.objects.filter(
        user=row.user, course=row.course, status=EnrollmentStatus.REVOKED
    ).exists()
    _enrollment, changed = enrollment_grant(
        user=row.user, course=row.course, source=EnrollmentSource.MANUAL
    )
    if not changed:
        result.unchanged += 1
        return
    if was_revoked:
        result.reactivated += 1
    else:
        result.enrolled += 1
    log(
        instance=row.user,
        action=ACTION_BULK_ENROLL,
        user=invited_by,
        data={**_log_data(row), "reactivated": was_revoked},
    )


def _apply_invitation(row: PlanRow, *, result: Result, invited_by: User) -> None:
    invitation, created = Invitation.objects.get_or_create(
        email=row.email,
        course=row.course,
        defaults={
            "first_name": row.first_name,
            "last_name": row.last_name,
            "invited_by": invited_by,
        },
    )
    if not created:
        result.unchanged += 1
        return
    result.invited += 1
    result.invitation_ids.append(invitation.pk)
    log(
        instance=invitation,
        action=ACTION_INVITE,
        user=invited_by,
        data={**_log_data(row), "email": row.email},
    )


# Accepting invitations -------------------------------------------------------------


def invitations_accept(*, user: User, email: str) -> list[Invitation]:
    """Turn every pending invitation for ``email`` into an enrollment of ``user``.

    Call it once ``user`` has proved they own ``email`` (allauth's
    ``email_confirmed``). Invariants: one transaction, the invitations locked
    while they change; idempotent (an accepted invitation is not accepted
    again, and ``enrollment_grant`` leaves an active enrollment as it is);
    enrollments are ``MANUAL``. Each acceptance is logged against the learner
    (``practicum.learner.invitation_accept``). A learner with no name yet
    takes the one the invitation carried. Returns the invitations accepted now.
    """
    email = email.strip().lower()
    with transaction.atomic():
        pending = list(
            Invitation.objects.select_for_update(of=("self",))  # not the course
            .filter(email=email, accepted_at__isnull=True)
            .select_related("course")
            .order_by("created_at", "pk")
        )
        now = timezone.now()
        for invitation in pending:
            enrollment_grant(
                user=user, course=invitation.course, source=EnrollmentSource.MANUAL
            )
            invitation.accepted_at = now
            invitation.save(update_fields=["accepted_at"])
            log(
                instance=user,
                action=ACTION_INVITATION_ACCEPT,
                user=user,
                data={
                    "course_id": invitation.course.pk,
                    "course_title": invitation.course.title,
                    "invitation_id": invitation.pk,
                },
            )
        named = next((i for i in pending if i.first_name or i.last_name), None)
        if named and not (user.first_name or user.last_name):
            user.first_name = named.first_name
            user.last_name = named.last_name
            user.save(update_fields=["first_name", "last_name"])
    return pending


def plan_lines(plan: Plan) -> Iterator[PlanRow | RowProblem]:
    """Rows and problems together, in the file's order (for the dry-run table)."""
    yield from sorted([*plan.rows, *plan.problems], key=lambda item: item.line)
