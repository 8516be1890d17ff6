"""The admin screens: compose → preview (nothing stored) → send; who may do what."""

from __future__ import annotations

import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
import time_machine

from courses.announcements.forms import announcement_draft_sign
from courses.models import Announcement, AnnouncementStatus
from tests.accounts.factories import UserFactory
from tests.courses.announcements.conftest import client_for

pytestmark = pytest.mark.django_db

INDEX = reverse("announcements:index")
CREATE = reverse("announcements:create")
SEND = reverse("announcements:send")
BODY = "New lesson: **the intake interview**.\n\n- Read it\n- Try the quiz"


def _compose(client, course=None, subject="A new lesson", body=BODY):
    return client.post(
        CREATE,
        {"course": course.pk if course else "", "subject": subject, "body": body},
    )


def _draft(response) -> str:
    return re.search(r'name="draft" value="([^"]+)"', response.content.decode())[1]


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# Preview -----------------------------------------------------------------------


def test_the_compose_form_offers_every_course_and_explains_markdown(
    teacher_client, school, course
):
    response = teacher_client.get(CREATE)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Every course" in content
    assert course.title in content
    assert "Markdown" in content


def test_preview_shows_the_count_and_the_rendered_message(
    teacher_client, school, course
):
    response = _compose(teacher_client, course)

    content = response.content.decode()
    assert response.status_code == 200
    assert "This will be emailed to 2 learners." in content
    assert "Send to 2 learners" in content
    assert "<strong>the intake interview</strong>" in content
    assert "<li>Read it</li>" in content


def test_preview_stores_and_sends_nothing(
    teacher_client, school, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _compose(teacher_client, course)

    assert Announcement.objects.count() == 0
    assert ModelLogEntry.objects.count() == 0
    assert mail.outbox == []
    assert callbacks == []


def test_preview_for_every_course_counts_each_person_once(teacher_client, school):
    response = _compose(teacher_client, None)

    assert "This will be emailed to 3 learners." in response.content.decode()


def test_an_invalid_form_comes_back_with_its_errors(teacher_client, school, course):
    response = _compose(teacher_client, course, subject="", body="   ")

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"subject", "body"}
    assert Announcement.objects.count() == 0


def test_edit_returns_to_the_form_filled_in(teacher_client, school, course):
    draft = _draft(_compose(teacher_client, course, subject="Office hours"))

    response = teacher_client.post(CREATE, {"draft": draft})

    form = response.context["form"]
    assert form.initial == {
        "course": course.pk,
        "subject": "Office hours",
        "body": BODY,
    }
    assert Announcement.objects.count() == 0


def test_a_course_nobody_takes_shows_zero_and_no_send_button(
    teacher_client, course_index
):
    from tests.courses.factories import CoursePageFactory

    empty = CoursePageFactory(parent=course_index, title="Empty", slug="empty")

    response = _compose(teacher_client, empty)

    content = response.content.decode()
    assert "Nobody would receive this announcement" in content
    assert "Send to" not in content


# Send --------------------------------------------------------------------------


def test_sending_stores_one_announcement_and_emails_each_recipient_once(
    teacher_client, teacher, school, course, django_capture_on_commit_callbacks
):
    draft = _draft(_compose(teacher_client, course))

    with django_capture_on_commit_callbacks(execute=True):
        response = teacher_client.post(SEND, {"draft": draft}, follow=True)

    assert _messages(response) == ["Your announcement is being sent to 2 learners."]
    announcement = Announcement.objects.get()
    assert announcement.course == course
    assert announcement.sent_by == teacher
    assert announcement.recipient_count == 2
    assert announcement.sent_count == 2
    assert announcement.status == AnnouncementStatus.SENT
    assert sorted(to for message in mail.outbox for to in message.to) == [
        "ana@example.com",
        "ben@example.com",
    ]
    assert all(len(message.to) == 1 and not message.cc for message in mail.outbox)


def test_nothing_is_emailed_before_commit(
    teacher_client, school, course, django_capture_on_commit_callbacks
):
    draft = _draft(_compose(teacher_client, course))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        teacher_client.post(SEND, {"draft": draft})

    assert Announcement.objects.get().status == AnnouncementStatus.SENDING
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_sending_is_logged_as_a_sentence(
    teacher_client, teacher, school, course, django_capture_on_commit_callbacks
):
    draft = _draft(_compose(teacher_client, course, subject="Office hours"))
    with django_capture_on_commit_callbacks(execute=True):
        teacher_client.post(SEND, {"draft": draft})

    entry = ModelLogEntry.objects.get(action="practicum.announcement.send")
    assert entry.user == teacher
    assert entry.message == "Sent “Office hours” to 2 learner(s) of Mitigation 101."


def test_every_course_emails_each_person_once(
    teacher_client, school, django_capture_on_commit_callbacks
):
    draft = _draft(_compose(teacher_client, None))
    with django_capture_on_commit_callbacks(execute=True):
        teacher_client.post(SEND, {"draft": draft})

    recipients = sorted(to for message in mail.outbox for to in message.to)
    assert recipients == ["ana@example.com", "ben@example.com", "cy@example.com"]
    assert Announcement.objects.get().course is None


def test_sending_to_nobody_is_refused_with_a_message(
    teacher_client, teacher, course_index, django_capture_on_commit_callbacks
):
    from tests.courses.factories import CoursePageFactory

    empty = CoursePageFactory(parent=course_index, title="Empty", slug="empty")
    draft = announcement_draft_sign(
        data={"course": empty, "subject": "Hi", "body": "Hello"}, user_id=teacher.pk
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = teacher_client.post(SEND, {"draft": draft})

    assert response.status_code == 409
    assert "no learner would receive this announcement" in _messages(response)[0]
    assert Announcement.objects.count() == 0
    assert mail.outbox == []


def test_a_tampered_draft_sends_nothing(teacher_client, school, course):
    draft = _draft(_compose(teacher_client, course))

    response = teacher_client.post(SEND, {"draft": draft[:-2] + "xx"})

    assert response.status_code == 200
    assert "does not match a preview you made" in _messages(response)[0]
    assert Announcement.objects.count() == 0


def test_a_draft_signed_for_someone_else_sends_nothing(
    teacher_client, instructor, school, course
):
    draft = announcement_draft_sign(
        data={"course": course, "subject": "Hi", "body": "Hello"},
        user_id=instructor.pk,
    )

    teacher_client.post(SEND, {"draft": draft})

    assert Announcement.objects.count() == 0


# The list and one announcement ----------------------------------------------------


def _sent(client, course, django_capture_on_commit_callbacks, **fields):
    draft = _draft(_compose(client, course, **fields))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SEND, {"draft": draft})
    return Announcement.objects.latest("pk")


def test_the_list_reads_as_a_document(
    teacher_client, school, course, django_capture_on_commit_callbacks
):
    _sent(teacher_client, course, django_capture_on_commit_callbacks)
    _sent(teacher_client, None, django_capture_on_commit_callbacks, subject="To all")

    content = teacher_client.get(INDEX).content.decode()

    assert "A new lesson" in content
    assert "Every course" in content
    assert "Ines Teacher" in content
    assert "Sent" in content
    assert "New announcement" in content  # the button to compose


def test_the_announcement_page_shows_the_message_as_sent(
    teacher_client, school, course, django_capture_on_commit_callbacks
):
    announcement = _sent(teacher_client, course, django_capture_on_commit_callbacks)

    response = teacher_client.get(
        reverse("announcements:inspect", args=[announcement.pk])
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>the intake interview</strong>" in content
    assert "Ines Teacher" in content
    assert "Mitigation 101" in content


# Who may -----------------------------------------------------------------------


def test_the_assistant_reads_the_list_and_the_announcement(
    teacher_client, helper_client, school, course, django_capture_on_commit_callbacks
):
    announcement = _sent(teacher_client, course, django_capture_on_commit_callbacks)

    index = helper_client.get(INDEX)
    inspect = helper_client.get(
        reverse("announcements:inspect", args=[announcement.pk])
    )

    assert index.status_code == 200
    assert "A new lesson" in index.content.decode()
    assert "New announcement" not in index.content.decode()
    assert inspect.status_code == 200


def test_the_assistant_cannot_compose_or_send(helper_client, helper, school, course):
    draft = announcement_draft_sign(
        data={"course": course, "subject": "Hi", "body": "Hello"}, user_id=helper.pk
    )

    responses = [
        helper_client.get(CREATE),
        _compose(helper_client, course),
        helper_client.post(SEND, {"draft": draft}),
    ]

    for response in responses:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")
    assert Announcement.objects.count() == 0
    assert mail.outbox == []


def test_the_menu_shows_announcements_to_staff_who_may_read_them(
    helper_client, teacher_client
):
    for client in (helper_client, teacher_client):
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        assert INDEX in content


def test_a_learner_gets_no_admin(school, course):
    client = client_for(school["ben"])

    for response in (client.get(INDEX), client.get(CREATE), _compose(client, course)):
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    assert Announcement.objects.count() == 0


def test_staff_without_the_view_permission_do_not_see_the_menu(db):
    from django.contrib.auth.models import Permission

    user = UserFactory(email="other-staff@example.com")
    user.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    client = client_for(user)

    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_a_preview_older_than_an_hour_sends_nothing_and_comes_back_to_edit(
    teacher_client, school, course
):
    draft = _draft(_compose(teacher_client, course, subject="Office hours"))

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        response = teacher_client.post(SEND, {"draft": draft})

    assert "more than an hour old" in _messages(response)[0]
    assert response.context["form"].initial["subject"] == "Office hours"
    assert Announcement.objects.count() == 0
    assert mail.outbox == []


def test_edit_with_an_unreadable_draft_says_so(teacher_client, school):
    response = teacher_client.post(CREATE, {"draft": "forged"})

    assert "could not be read" in _messages(response)[0]
    assert response.context["form"].initial == {}


def test_the_list_runs_the_same_queries_for_one_or_many_announcements(
    teacher_client, teacher, course, paid_course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def make(n, target):
        for i in range(n):
            Announcement.objects.create(
                course=target, subject=f"News {i}", body="x", sent_by=teacher
            )

    def queries() -> int:
        teacher_client.get(INDEX)  # the permissions cache warm, as on any visit
        with CaptureQueriesContext(connection) as captured:
            assert teacher_client.get(INDEX).status_code == 200
        return len(captured)

    make(1, course)
    queries()  # the first request fills the caches (permissions, site)
    few = queries()
    make(6, paid_course)
    make(6, None)
    assert queries() == few


def test_a_second_click_on_send_sends_nothing_more(
    teacher_client, school, course, django_capture_on_commit_callbacks
):
    draft = _draft(_compose(teacher_client, course))
    with django_capture_on_commit_callbacks(execute=True):
        teacher_client.post(SEND, {"draft": draft}, follow=True)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = teacher_client.post(SEND, {"draft": draft}, follow=True)

    assert _messages(response) == [
        "This announcement was already sent from this preview; it was not sent again."
    ]
    assert Announcement.objects.count() == 1
    assert len(mail.outbox) == 2
    assert callbacks == []


def test_each_preview_can_be_sent_once(
    teacher_client, school, course, django_capture_on_commit_callbacks
):
    # Two previews of the same text are two announcements, by choice.
    for _ in range(2):
        draft = _draft(_compose(teacher_client, course))
        with django_capture_on_commit_callbacks(execute=True):
            teacher_client.post(SEND, {"draft": draft})

    assert Announcement.objects.count() == 2
    assert len(mail.outbox) == 4
