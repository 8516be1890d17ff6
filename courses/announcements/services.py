"""Sending an announcement: store it, log it, and queue the emails after commit."""

from __future__ import annotations

from functools import partial

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log

from accounts.models import User
from core.markdown import markdown_render
from courses.announcements.selectors import announcement_recipient_count
from courses.announcements.tasks import announcement_send
from courses.models import Announcement, AnnouncementStatus, CoursePage

ACTION_SEND = "practicum.announcement.send"
_ALREADY_SENT = gettext_lazy(
    "This announcement was already sent from this preview; it was not sent again."
)


class AnnouncementError(Exception):
    """An announcement that cannot be sent; the message is for the instructor."""


class AnnouncementAlreadySent(AnnouncementError):
    """The preview was sent already (a second click on "Send")."""


def announcement_create(
    *,
    course: CoursePage | None,
    subject: str,
    body: str,
    sent_by: User,
    draft_key: str | None = None,
) -> Announcement:
    """Store the announcement and start sending it to its learners.

    ``course`` None writes to the learners of every course. The Markdown
    ``body`` is kept with its sanitized HTML (``core.markdown``), made once
    here. Refuses (``AnnouncementError``) an empty subject or message, and an
    announcement nobody would receive. In one transaction: the announcement
    (status ``sending``, ``recipient_count`` as counted now), and an entry in
    Wagtail's log (``practicum.announcement.send``) by ``sent_by``. After
    commit, ``announcement_send`` is enqueued; nothing is sent on rollback.

    Once per preview: ``draft_key`` (the preview's key) is unique, so a second
    submit of the same preview, even racing the first, raises
    ``AnnouncementAlreadySent`` and sends nothing.
    """
    subject, body = " ".join(subject.split()), body.strip()
    if not subject or not body:
        raise AnnouncementError(_("Write a subject and a message."))
    count = announcement_recipient_count(course=course)
    if count == 0:
        raise AnnouncementError(
            _(
                "Nothing was sent: no learner would receive this announcement. "
                "Nobody is actively enrolled in %(course)s, or every learner has "
                "turned announcements off."
            )
            % {"course": course.title if course else _("any course")}
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                announcement = Announcement.objects.create(
                    course=course,
                    subject=subject,
                    body=body,
                    body_html=markdown_render(body),
                    sent_by=sent_by,
                    status=AnnouncementStatus.SENDING,
                    recipient_count=count,
                    draft_key=draft_key or None,
                )
        except IntegrityError:  # this preview was sent before, or is being sent
            raise AnnouncementAlreadySent(_ALREADY_SENT) from None
        log(
            instance=announcement,
            action=ACTION_SEND,
            user=sent_by,
            data={
                "subject": subject,
                "course_title": course.title if course else "",
                "recipient_count": count,
            },
        )
        transaction.on_commit(
            partial(announcement_send.enqueue, announcement.pk), robust=True
        )
    return announcement
