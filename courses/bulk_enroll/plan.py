"""The dry run: what each row of the file would do, and what is wrong with it."""

from __future__ import annotations

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress

from accounts.models import User
from courses.bulk_enroll.reading import (
    _Courses,
    _read_rows,
    _shown,
    _valid_row,
)
from courses.bulk_enroll.records import (
    Plan,
    PlanRow,
    RowAction,
    RowProblem,
)
from courses.models import (
    CoursePage,
    Enrollment,
    EnrollmentStatus,
    Invitation,
)


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
