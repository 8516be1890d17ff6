"""Sending in the background, in batches, once; and the email each learner gets."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

import pytest

from core.site_url import site_url
from courses.announcements.services import AnnouncementError, announcement_create
from courses.announcements.tasks import announcement_batch_send, announcement_send
from courses.models import Announcement, AnnouncementStatus
from tests.courses.announcements.conftest import learner_in

pytestmark = pytest.mark.django_db


def _create(course, teacher, capture, **fields):
    fields.setdefault("subject", "Live session on Friday")
    fields.setdefault("body", "Join us at **noon**.")
    with capture(execute=True):
        return announcement_create(course=course, sent_by=teacher, **fields)


@pytest.fixture
def five_learners(course):
    return [learner_in(course, email=f"l{n}@example.com") for n in range(5)]


def test_five_learners_in_batches_of_two_make_three_batches(
    settings, five_learners, course, teacher, django_capture_on_commit_callbacks
):
    settings.ANNOUNCEMENT_BATCH_SIZE = 2

    announcement = _create(course, teacher, django_capture_on_commit_callbacks)

    announcement.refresh_from_db()
    assert announcement.batch_count == 3
    assert announcement.batches_done == 3
    assert len(announcement.batches_taken) == 3
    assert announcement.sent_count == 5
    assert announcement.recipient_count == 5
    assert announcement.status == AnnouncementStatus.SENT
    assert announcement.finished_at is not None
    assert len(mail.outbox) == 5
    assert sorted(m.to[0] for m in mail.outbox) == [
        f"l{n}@example.com" for n in range(5)
    ]


def test_running_the_sending_again_sends_nothing_more(
    five_learners, course, teacher, django_capture_on_commit_callbacks
):
    announcement = _create(course, teacher, django_capture_on_commit_callbacks)

    announcement_send.enqueue(announcement.pk)

    announcement.refresh_from_db()
    assert len(mail.outbox) == 5
    assert announcement.sent_count == 5


def test_a_batch_run_twice_sends_nothing_the_second_time(
    settings, five_learners, course, teacher, django_capture_on_commit_callbacks
):
    settings.ANNOUNCEMENT_BATCH_SIZE = 2
    announcement = _create(course, teacher, django_capture_on_commit_callbacks)
    first_batch = sorted(user.pk for user in five_learners)[:2]

    announcement_batch_send.enqueue(announcement.pk, first_batch)

    announcement.refresh_from_db()
    assert len(mail.outbox) == 5
    assert announcement.sent_count == 5
    assert announcement.batches_done == 3


def test_a_learner_who_opts_out_before_the_batch_runs_is_skipped(
    five_learners, course, teacher, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        announcement = announcement_create(
            course=course, subject="Hi", body="Hello", sent_by=teacher
        )
    five_learners[0].announcement_emails = False
    five_learners[0].save()

    for callback in callbacks:
        callback()

    announcement.refresh_from_db()
    assert len(mail.outbox) == 4
    assert five_learners[0].email not in [m.to[0] for m in mail.outbox]
    assert announcement.recipient_count == 4  # as addressed when it was sent
    assert announcement.sent_count == 4
    assert announcement.status == AnnouncementStatus.SENT


def test_one_failing_address_does_not_stop_the_batch(
    five_learners, course, teacher, django_capture_on_commit_callbacks, monkeypatch
):
    from courses.announcements import tasks

    real_send = tasks.mail_send

    def flaky_send(prefix, *, to, context):
        if to == ["l2@example.com"]:
            raise OSError("mail server refused")
        real_send(prefix, to=to, context=context)

    monkeypatch.setattr(tasks, "mail_send", flaky_send)

    announcement = _create(course, teacher, django_capture_on_commit_callbacks)

    announcement.refresh_from_db()
    assert len(mail.outbox) == 4
    assert announcement.sent_count == 4
    assert announcement.recipient_count == 5
    assert announcement.status == AnnouncementStatus.SENT


def test_the_service_refuses_an_announcement_nobody_would_receive(
    course, teacher, django_capture_on_commit_callbacks
):
    with (
        pytest.raises(AnnouncementError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        announcement_create(course=course, subject="Hi", body="Hello", sent_by=teacher)

    assert Announcement.objects.count() == 0


# The email ---------------------------------------------------------------------


def test_the_email_has_the_subject_both_parts_and_the_way_out(
    school, course, teacher, django_capture_on_commit_callbacks
):
    _create(course, teacher, django_capture_on_commit_callbacks)

    message = mail.outbox[0]
    html = message.alternatives[0].content
    profile_url = site_url(reverse("profile_edit"))
    assert message.subject == "Live session on Friday"
    assert "Join us at **noon**." in message.body  # the Markdown as written
    assert "<strong>noon</strong>" in html
    assert "Mitigation 101" in message.body and "Mitigation 101" in html
    for part in (message.body, html):
        assert "because you are enrolled in Mitigation 101" in part
        assert profile_url in part
        assert "untick" in part


def test_an_email_to_every_course_says_so(
    school, teacher, django_capture_on_commit_callbacks
):
    _create(None, teacher, django_capture_on_commit_callbacks)

    message = mail.outbox[0]
    assert "to the learners of every course" in message.body
    assert "because you are enrolled in a course" in message.body
