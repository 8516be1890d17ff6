"""Bulk enroll in the admin: upload, dry run, confirm; refusals; invitations list."""

from __future__ import annotations

import re

from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from courses.bulk_enroll.forms import bulk_enroll_token
from courses.models import Enrollment, Invitation
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("courses_bulk_enroll")
APPLY_URL = reverse("courses_bulk_enroll_apply")


def _written() -> tuple[int, int, int, int]:
    return (
        Enrollment.objects.count(),
        Invitation.objects.count(),
        len(mail.outbox),
        ModelLogEntry.objects.count(),
    )


def _upload(client: Client, text: str, course=None):
    data = {"csv_file": SimpleUploadedFile("staff.csv", text.encode("utf-8"))}
    if course is not None:
        data["default_course"] = course.pk
    return client.post(UPLOAD_URL, data)


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def good_file(learner):
    return (
        "email,first_name,last_name\n"
        f"{learner.email},Lena,Arner\n"
        "new.hire@example.com,Nora,Hale\n"
        "second.hire@example.com,,\n"
    )


@pytest.fixture
def viewer_client(db):
    """Staff who may use the admin and view enrollments, but not add them."""
    user = UserFactory(email="viewer@example.com", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        Permission.objects.get(
            content_type__app_label="courses", codename="view_enrollment"
        ),
    )
    client = Client()
    client.force_login(user)
    return client


def test_the_page_explains_the_file_with_an_example(instructor_client, course):
    response = instructor_client.get(UPLOAD_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "How to prepare the file" in page
    assert "email,course,first_name,last_name" in page
    assert "Mitigation 101" in page  # the course choice


def test_the_menu_offers_bulk_enroll_to_the_instructor(instructor_client):
    response = instructor_client.get(reverse("wagtailadmin_home"))

    assert UPLOAD_URL in response.content.decode()


def test_the_dry_run_shows_each_row_and_writes_nothing(
    instructor_client, course, good_file
):
    # Given the state before
    before = _written()

    # When the instructor uploads a good file
    response = _upload(instructor_client, good_file, course)

    # Then each row says what would happen, with the confirm button
    page = response.content.decode()
    assert response.status_code == 200
    assert "Will enroll (existing account)" in page
    assert page.count("Will invite (no account yet)") == 2
    assert "Enroll 1 learner and invite 2" in page
    assert "3 rows: 1 will be enrolled, 2 invited." in page
    # And nothing was written
    assert _written() == before


def test_confirming_applies_the_file_and_says_what_happened(
    instructor_client, course, learner, good_file, django_capture_on_commit_callbacks
):
    # Given a dry run
    token = (
        _upload(instructor_client, good_file, course)
        .context["apply_form"]["token"]
        .value()
    )

    # When the instructor confirms it
    with django_capture_on_commit_callbacks(execute=True):
        response = instructor_client.post(APPLY_URL, {"token": token}, follow=True)

    # Then the learner is enrolled, the two others invited by email, and told so
    assert Enrollment.objects.filter(user=learner, course=course).exists()
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "new.hire@example.com",
        "second.hire@example.com",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "new.hire@example.com",
        "second.hire@example.com",
    ]
    assert _messages(response)[0].startswith("Enrolled 1 learner and invited 2.")


def test_confirming_the_same_file_twice_changes_nothing_more(
    instructor_client, course, good_file, django_capture_on_commit_callbacks
):
    # Given a file applied once
    token = (
        _upload(instructor_client, good_file, course)
        .context["apply_form"]["token"]
        .value()
    )
    with django_capture_on_commit_callbacks(execute=True):
        instructor_client.post(APPLY_URL, {"token": token})
    after_first = _written()

    # When the same file is uploaded again
    dry_run = _upload(instructor_client, good_file, course)

    # Then every row needs nothing and no button is offered
    page = dry_run.content.decode()
    assert "Already enrolled — nothing to do" in page
    assert page.count("Already invited — nothing to do") == 2
    assert "there is nothing to apply" in page
    assert not dry_run.context["can_apply"]
    # And replaying the first confirmation changes nothing either
    with django_capture_on_commit_callbacks(execute=True):
        replay = instructor_client.post(APPLY_URL, {"token": token}, follow=True)
    assert _messages(replay) == ["3 rows needed nothing."]
    assert _written() == after_first


def test_a_bad_row_is_named_and_no_confirm_button_is_offered(
    instructor_client, course, good_file
):
    # Given a good file with one malformed address on line 4
    text = good_file.replace("second.hire@example.com", "second.hire@example")

    # When it is uploaded
    response = _upload(instructor_client, text, course)

    # Then the row is named with its reason, and nothing can be applied
    page = response.content.decode()
    assert response.context["plan"].problems[0].line == 4
    assert "second.hire@example" in page
    assert "This is not a valid email address." in page
    assert "nothing will be applied" in page
    assert not response.context["can_apply"]
    assert APPLY_URL not in page


def test_a_formula_cell_is_an_invalid_email_shown_as_text(instructor_client, course):
    # Given a cell a spreadsheet would run as a formula, with markup in it
    cell = '=HYPERLINK("http://evil.example/","<b>click</b>")'
    text = f'email\n"{cell.replace(chr(34), chr(34) * 2)}"\n'

    # When it is uploaded
    response = _upload(instructor_client, text, course)

    # Then it is just an invalid address, echoed escaped, never as markup
    page = response.content.decode()
    (problem,) = response.context["plan"].problems
    assert (problem.line, problem.reason) == (2, "This is not a valid email address.")
    assert "<b>click</b>" not in page
    assert "&lt;b&gt;click&lt;/b&gt;" in page


def test_a_tampered_confirmation_is_refused(instructor_client, course, good_file):
    # Given a real confirmation token, altered by hand
    token = (
        _upload(instructor_client, good_file, course)
        .context["apply_form"]["token"]
        .value()
    )
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    before = _written()

    # When it is posted
    response = instructor_client.post(APPLY_URL, {"token": forged}, follow=True)

    # Then nothing is applied and the instructor is told
    assert _written() == before
    assert "does not match a dry run you made" in _messages(response)[0]


def test_a_confirmation_made_for_another_staff_member_is_refused(
    instructor_client, instructor, course, good_file
):
    token = bulk_enroll_token(
        rows_text=good_file, default_course_id=course.pk, user_id=instructor.pk + 1
    )
    before = _written()

    response = instructor_client.post(APPLY_URL, {"token": token}, follow=True)

    assert _written() == before
    assert "does not match a dry run you made" in _messages(response)[0]


def test_a_confirmation_whose_rows_went_bad_since_the_dry_run_applies_nothing(
    instructor_client, course
):
    # Given a dry run of a file naming its course by title
    text = "email,course\nnew.hire@example.com,Mitigation 101\n"
    token = _upload(instructor_client, text).context["apply_form"]["token"].value()
    # And the course renamed before the confirmation
    course.title = "Mitigation 102"
    course.save()
    before = _written()

    # When the dry run is confirmed
    response = instructor_client.post(APPLY_URL, {"token": token})

    # Then it is planned again, the problem shown, and nothing applied
    assert response.status_code == 409
    assert _written() == before
    page = response.content.decode()
    assert "No course has this slug or title: “Mitigation 101”." in page
    assert "Nothing was applied" in page


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", UPLOAD_URL), ("post", UPLOAD_URL), ("post", APPLY_URL)],
)
def test_staff_who_may_only_view_enrollments_are_refused(
    viewer_client, course, good_file, method, url
):
    # Given staff without courses.add_enrollment, and the state before
    before = _written()

    # When they open the screen, upload a file or post a confirmation
    data = {"rows_text": good_file, "default_course": course.pk}
    response = getattr(viewer_client, method)(url, data if method == "post" else None)

    # Then Wagtail refuses (its way: back to the dashboard, saying why)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    follow = viewer_client.get(response.url)
    assert "Sorry, you do not have permission" in " ".join(_messages(follow))
    # And nothing is written
    assert _written() == before


def test_the_menu_hides_bulk_enroll_from_view_only_staff(viewer_client):
    response = viewer_client.get(reverse("wagtailadmin_home"))

    assert UPLOAD_URL not in response.content.decode()


def test_a_file_that_is_not_utf8_is_refused_with_advice(instructor_client, course):
    data = {
        "csv_file": SimpleUploadedFile(
            "staff.csv", "email\nmaría@example.com\n".encode("latin-1")
        ),
        "default_course": course.pk,
    }

    response = instructor_client.post(UPLOAD_URL, data)

    assert response.status_code == 200
    assert "The file is not UTF-8 text." in response.content.decode()


def test_pasted_rows_are_planned_like_a_file(instructor_client, course):
    response = instructor_client.post(
        UPLOAD_URL,
        {"rows_text": "someone@example.com", "default_course": course.pk},
    )

    assert [row.email for row in response.context["plan"].rows] == [
        "someone@example.com"
    ]


def test_the_invitations_list_reads_as_a_document(
    instructor_client, instructor, course
):
    # Given an invitation sent and not yet accepted
    Invitation.objects.create(
        email="new.hire@example.com", course=course, invited_by=instructor
    )

    # When the instructor opens the list
    response = instructor_client.get(reverse("courses_invitations:index"))

    # Then it shows who, to what, by whom, and where it stands
    page = response.content.decode()
    assert response.status_code == 200
    assert "new.hire@example.com" in page
    assert "Mitigation 101" in page
    assert instructor.email in page
    assert "Waiting for sign-up" in page
    assert "Not yet" in page


def test_an_invitation_inspects_without_python_values(
    instructor_client, instructor, course
):
    invitation = Invitation.objects.create(
        email="new.hire@example.com", course=course, invited_by=instructor
    )

    response = instructor_client.get(
        reverse("courses_invitations:inspect", args=[invitation.pk])
    )

    page = response.content.decode()
    assert "Not sent yet" in page
    assert "waiting for them to sign up and confirm their address" in page
    assert not re.search(r">\s*None\s*<", page)  # no empty value printed as None


def test_invitations_cannot_be_added_or_edited_by_hand(
    instructor_client, instructor, course
):
    invitation = Invitation.objects.create(
        email="new.hire@example.com", course=course, invited_by=instructor
    )

    add = instructor_client.get(reverse("courses_invitations:add"))
    edit = instructor_client.get(
        reverse("courses_invitations:edit", args=[invitation.pk])
    )

    assert add.status_code in (302, 403)
    assert edit.status_code in (302, 403)


def test_a_file_over_1_mb_is_refused_with_a_clear_message(instructor_client, course):
    # Given a file just over the limit
    rows = "email\n" + "x" * 1_000_001
    before = _written()

    # When it is uploaded
    response = _upload(instructor_client, rows, course)

    # Then the form says why, and nothing is planned or written
    assert response.status_code == 200
    assert "The file is larger than 1 MB." in response.content.decode()
    assert "plan" not in response.context
    assert _written() == before
