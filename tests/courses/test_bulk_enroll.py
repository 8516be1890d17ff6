"""Bulk enroll, the services: plan (a dry run that writes nothing) and apply."""

from __future__ import annotations

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

import pytest
from allauth.account.models import EmailAddress

from courses.bulk_enroll import (
    ACTION_BULK_ENROLL,
    ACTION_INVITE,
    MAX_ROWS,
    RowAction,
    bulk_enroll_apply,
    bulk_enroll_plan,
    invitations_accept,
)
from courses.models import Enrollment, EnrollmentSource, EnrollmentStatus, Invitation
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _written() -> tuple[int, int, int, int]:
    """Everything a bulk run could write: enrollments, invitations, mail, log."""
    return (
        Enrollment.objects.count(),
        Invitation.objects.count(),
        len(mail.outbox),
        ModelLogEntry.objects.count(),
    )


@pytest.fixture
def apply(django_capture_on_commit_callbacks, instructor):
    """Plan ``text`` and apply it as the instructor, running on-commit work
    (the invitation emails) as a real commit would."""

    def run(text: str, default_course):
        plan = bulk_enroll_plan(rows_text=text, default_course=default_course)
        with django_capture_on_commit_callbacks(execute=True):
            return bulk_enroll_apply(plan=plan, invited_by=instructor)

    return run


@pytest.fixture
def agency_file(course, learner, enrolled_learner, revoked_learner):
    """One row of each kind, for the default course (Mitigation 101)."""
    return (
        "email,first_name,last_name\n"
        f"{learner.email},Lena,Arner\n"  # line 2: has an account
        f"{enrolled_learner.email},,\n"  # line 3: already enrolled
        f"{revoked_learner.email},,\n"  # line 4: revoked enrollment
        "new.hire@example.com,Nora,Hale\n"  # line 5: no account
    )


def test_the_dry_run_says_what_each_row_would_do(course, agency_file):
    # When the file is planned
    plan = bulk_enroll_plan(rows_text=agency_file, default_course=course)

    # Then each row, by its line in the file, says what applying would do
    assert plan.is_valid
    assert [(row.line, row.action) for row in plan.rows] == [
        (2, RowAction.ENROLL),
        (3, RowAction.ALREADY_ENROLLED),
        (4, RowAction.REACTIVATE),
        (5, RowAction.INVITE),
    ]
    assert [row.course for row in plan.rows] == [course] * 4
    assert (plan.to_enroll, plan.to_invite, plan.unchanged) == (2, 1, 1)


def test_the_dry_run_writes_nothing(course, agency_file):
    # Given the state before
    before = _written()

    # When the file is planned
    bulk_enroll_plan(rows_text=agency_file, default_course=course)

    # Then no enrollment, invitation, email or log entry was written
    assert _written() == before


def test_a_good_file_enrolls_invites_and_emails_each_invitation_once(
    course, agency_file, learner, revoked_learner, instructor, apply
):
    # When a good file is applied
    result = apply(agency_file, course)

    # Then existing accounts are enrolled (the revoked one made active again),
    # by hand
    assert (result.enrolled, result.reactivated, result.invited) == (1, 1, 1)
    assert result.unchanged == 1
    for user in (learner, revoked_learner):
        enrollment = Enrollment.objects.get(user=user, course=course)
        assert enrollment.status == EnrollmentStatus.ACTIVE
        assert enrollment.source == EnrollmentSource.MANUAL
    # And the unknown address is invited, once, by email
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.course) == ("new.hire@example.com", course)
    assert invitation.invited_by == instructor
    assert invitation.sent_at is not None
    assert [message.to for message in mail.outbox] == [["new.hire@example.com"]]
    assert course.title in mail.outbox[0].subject


def test_running_the_same_file_twice_changes_nothing_more(course, agency_file, apply):
    # Given a file applied once
    apply(agency_file, course)
    after_first = _written()

    # When it is planned and applied again
    plan = bulk_enroll_plan(rows_text=agency_file, default_course=course)
    result = apply(agency_file, course)

    # Then the dry run says nothing to do for every row, and nothing changes
    assert {row.action for row in plan.rows} == {
        RowAction.ALREADY_ENROLLED,
        RowAction.ALREADY_INVITED,
    }
    assert (result.enrolled, result.reactivated, result.invited) == (0, 0, 0)
    assert result.unchanged == 4
    assert _written() == after_first


def test_each_enrollment_and_invitation_is_in_the_audit_log(
    course, agency_file, learner, instructor, apply
):
    # When a good file is applied
    apply(agency_file, course)

    # Then the learner's log says who enrolled them in what, readably
    entry = ModelLogEntry.objects.get(
        action=ACTION_BULK_ENROLL, object_id=str(learner.pk)
    )
    assert entry.user == instructor
    assert entry.message == f"Enrolled in “{course.title}” from a bulk file"
    # And the invitation has its own entry; one run shares one uuid
    invitation = Invitation.objects.get()
    invite_entry = ModelLogEntry.objects.get(
        action=ACTION_INVITE, object_id=str(invitation.pk)
    )
    assert invite_entry.message == f"Invited to “{course.title}” from a bulk file"
    assert (
        ModelLogEntry.objects.filter(action__in=[ACTION_BULK_ENROLL, ACTION_INVITE])
        .values("uuid")
        .distinct()
        .count()
        == 1
    )


BAD_ROWS = [
    pytest.param("not-an-email,", "This is not a valid email address.", id="malformed"),
    pytest.param(",mitigation-101", "The email is empty.", id="empty"),
    pytest.param(
        "ok.person@example.com,no-such-course",
        "No course has this slug or title: “no-such-course”.",
        id="unknown-course",
    ),
    pytest.param(
        "first.person@example.com,",
        "This repeats line 2: the same email and course.",
        id="duplicate",
    ),
    pytest.param(
        "=cmd|' /C calc'!A0,", "This is not a valid email address.", id="formula"
    ),
]


@pytest.mark.parametrize(("bad_line", "reason"), BAD_ROWS)
def test_one_bad_row_is_named_and_nothing_is_applied(
    course, learner, instructor, bad_line, reason
):
    # Given a file whose third line is bad, among good ones
    text = (
        "email,course\n"
        "first.person@example.com,\n"
        f"{bad_line}\n"
        f"{learner.email},mitigation-101\n"
    )
    plan = bulk_enroll_plan(rows_text=text, default_course=course)

    # Then the plan names the line and says why, and cannot be applied
    assert not plan.is_valid
    assert [(p.line, p.reason) for p in plan.problems] == [(3, reason)]
    before = _written()
    with pytest.raises(ValueError, match="cannot be applied"):
        bulk_enroll_apply(plan=plan, invited_by=instructor)
    assert _written() == before


def test_the_course_column_names_a_course_by_slug_or_title(
    course, paid_course, learner
):
    # Given rows naming their course by slug, by title (any case), or not at all
    text = (
        "email,course\n"
        f"{learner.email},foundations\n"
        f"{learner.email},MITIGATION 101\n"
        "someone@example.com,\n"
    )

    # When planned with a default course
    plan = bulk_enroll_plan(rows_text=text, default_course=paid_course)

    # Then each row's course overrides the default, and an empty one takes it
    assert [row.course for row in plan.rows] == [paid_course, course, paid_course]


def test_a_row_with_no_course_and_no_default_is_a_problem(course):
    plan = bulk_enroll_plan(
        rows_text="email\nsomeone@example.com\n", default_course=None
    )

    assert [(p.line, p.reason) for p in plan.problems] == [
        (
            2,
            "No course: fill in this row's course column or pick a default course "
            "above.",
        )
    ]


def test_a_bare_list_of_emails_needs_no_header(course, learner):
    # Given a one-column list with no header line, a blank line and odd case
    text = f"{learner.email.upper()}\n\nnew.person@example.com\n"

    # When planned
    plan = bulk_enroll_plan(rows_text=text, default_course=course)

    # Then every line is an address, numbered as in the file
    assert [(row.line, row.email, row.action) for row in plan.rows] == [
        (1, learner.email, RowAction.ENROLL),
        (3, "new.person@example.com", RowAction.INVITE),
    ]


def test_a_semicolon_file_from_a_european_spreadsheet_is_read(course):
    plan = bulk_enroll_plan(
        rows_text="email;first_name\nana@example.com;Ana\n", default_course=course
    )

    assert [(row.email, row.first_name) for row in plan.rows] == [
        ("ana@example.com", "Ana")
    ]


def test_a_header_without_an_email_column_is_refused(course):
    plan = bulk_enroll_plan(rows_text="name,course\nAna,x\n", default_course=course)

    assert not plan.is_valid
    assert "one of them must be email" in plan.file_problem


def test_a_file_over_the_row_limit_is_refused_as_a_whole(course):
    rows = "".join(f"person{n}@example.com\n" for n in range(MAX_ROWS + 1))

    plan = bulk_enroll_plan(rows_text="email\n" + rows, default_course=course)

    assert not plan.is_valid
    assert plan.file_problem.startswith("The file has more than 2,000 rows.")


def test_a_file_at_the_row_limit_is_planned(course):
    rows = "".join(f"person{n}@example.com\n" for n in range(MAX_ROWS))

    plan = bulk_enroll_plan(rows_text="email\n" + rows, default_course=course)

    assert plan.is_valid
    assert len(plan.rows) == MAX_ROWS


def test_an_account_that_never_confirmed_its_address_is_invited(course, instructor):
    # Given someone who signed up but never confirmed their address
    user = UserFactory(email="slow.starter@example.com", verified=False)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=False, primary=True
    )

    # When they are in a file
    plan = bulk_enroll_plan(
        rows_text="email\nslow.starter@example.com\n", default_course=course
    )

    # Then they are invited, not enrolled, and the row says why
    (row,) = plan.rows
    assert row.action == RowAction.INVITE
    assert "has not confirmed it" in row.note


def test_an_account_made_by_staff_without_an_address_record_is_enrolled(course):
    # Given an account created in the admin (allauth never saw its address)
    user = UserFactory(email="made.by.staff@example.com", verified=False)

    # When it is in a file
    plan = bulk_enroll_plan(
        rows_text="email\nmade.by.staff@example.com\n", default_course=course
    )

    # Then it is enrolled directly
    (row,) = plan.rows
    assert (row.action, row.user) == (RowAction.ENROLL, user)


def test_accepting_invitations_enrolls_once(course, paid_course, instructor):
    # Given two invitations for one address
    for target in (course, paid_course):
        Invitation.objects.create(
            email="new.hire@example.com",
            course=target,
            invited_by=instructor,
            first_name="Nora",
            last_name="Hale",
        )
    user = UserFactory(email="new.hire@example.com")

    # When they are accepted twice (the signal may fire again)
    first = invitations_accept(user=user, email="New.Hire@example.com")
    second = invitations_accept(user=user, email="new.hire@example.com")

    # Then the learner is enrolled in both, by hand, once; and takes the name
    assert len(first) == 2
    assert second == []
    assert set(
        Enrollment.objects.filter(user=user).values_list("course_id", "source")
    ) == {
        (course.pk, EnrollmentSource.MANUAL),
        (paid_course.pk, EnrollmentSource.MANUAL),
    }
    assert not Invitation.objects.filter(accepted_at__isnull=True).exists()
    user.refresh_from_db()
    assert user.get_full_name() == "Nora Hale"


def test_the_sample_agency_file_plans_cleanly(course, paid_course):
    # Given the sample file shipped in docs/samples/
    text = (settings.BASE_DIR / "docs/samples/bulk-enroll-agency.csv").read_text()

    # When planned for the paid course (two rows name the free one)
    plan = bulk_enroll_plan(rows_text=text, default_course=paid_course)

    # Then ten people, none known yet, would be invited, with no problem
    assert plan.is_valid
    assert [row.action for row in plan.rows] == [RowAction.INVITE] * 10
    assert [row.course for row in plan.rows] == [paid_course] * 8 + [course] * 2


def test_the_plan_reads_in_a_fixed_number_of_queries(course, learner):
    def queries_for(count: int) -> int:
        rows = "".join(f"person{n}@example.com\n" for n in range(count))
        with CaptureQueriesContext(connection) as queries:
            bulk_enroll_plan(
                rows_text=f"email\n{learner.email}\n{rows}", default_course=course
            )
        return len(queries)

    assert queries_for(3) == queries_for(60)
