"""Announcements sent in the background, in batches, through Django's tasks.

``announcement_send`` runs once per announcement: it lists the recipients as
they are at send time and enqueues one ``announcement_batch_send`` per
``ANNOUNCEMENT_BATCH_SIZE`` learners. Each batch emails its learners one by
one (nobody sees another's address) and adds what it sent to ``sent_count``;
the batch that finishes last marks the announcement sent.

Running twice sends nothing twice: ``announcement_send`` takes the
announcement by setting ``batch_count`` only where it is still empty, and a
batch takes itself by recording its key (its first learner's id) in
``batches_taken`` under a row lock before it sends. A batch that was taken
and then died part-way is not sent again: a learner may miss an announcement,
none gets it twice (``sent_count`` shows how many did get it).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from core.mail import mail_send
from core.site_url import site_url
from courses.announcements.selectors import announcement_recipients
from courses.models import Announcement, AnnouncementStatus

logger = logging.getLogger(__name__)

EMAIL = "courses/email/announcement"


def _batch_size() -> int:
    return max(1, int(settings.ANNOUNCEMENT_BATCH_SIZE))


@task()
def announcement_send(announcement_id: int) -> None:
    """Split the announcement's recipients into batches and enqueue each.

    Idempotent: only the first run for an announcement enqueues anything.
    ``recipient_count`` becomes the number of learners addressed now (someone
    may have opted out or enrolled since it was written). With nobody left,
    the announcement is marked sent at once.
    """
    announcement = Announcement.objects.select_related("course").get(pk=announcement_id)
    user_ids = list(
        announcement_recipients(course=announcement.course).values_list("pk", flat=True)
    )
    size = _batch_size()
    batches = [user_ids[i : i + size] for i in range(0, len(user_ids), size)]
    taken = Announcement.objects.filter(
        pk=announcement_id, batch_count__isnull=True
    ).update(batch_count=len(batches), recipient_count=len(user_ids))
    if not taken:
        return  # already split and queued by an earlier run
    if not batches:
        _finish_if_done(announcement_id)
        return
    for batch in batches:
        announcement_batch_send.enqueue(announcement_id, batch)


@task()
def announcement_batch_send(announcement_id: int, user_ids: list[int]) -> None:
    """Email the announcement to each learner of one batch who still wants it.

    A learner who opted out, lost their enrollment or was deactivated since
    the announcement was written is skipped. A failure to send to one address
    is logged and the batch goes on. Re-running a batch sends nothing.
    """
    if not user_ids or not _batch_take(announcement_id, key=min(user_ids)):
        return
    announcement = Announcement.objects.select_related("course").get(pk=announcement_id)
    learners = announcement_recipients(course=announcement.course).filter(
        pk__in=user_ids
    )
    context = _context(announcement)
    sent = 0
    for email in learners.values_list("email", flat=True):
        try:
            mail_send(EMAIL, to=[email], context=context)
        except Exception:  # one bad address must not stop the others
            logger.exception("Announcement %s: one email failed", announcement_id)
            continue
        sent += 1
    Announcement.objects.filter(pk=announcement_id).update(
        sent_count=F("sent_count") + sent, batches_done=F("batches_done") + 1
    )
    _finish_if_done(announcement_id)


def _batch_take(announcement_id: int, *, key: int) -> bool:
    """Record that the batch ``key`` is being sent; False if it already was."""
    with transaction.atomic():
        announcement = (
            Announcement.objects.select_for_update()
            .filter(pk=announcement_id)
            .only("batches_taken")
            .first()
        )
        if announcement is None or key in announcement.batches_taken:
            return False
        announcement.batches_taken = [*announcement.batches_taken, key]
        announcement.save(update_fields=["batches_taken"])
    return True


def _finish_if_done(announcement_id: int) -> None:
    """Mark the announcement sent once every batch has run (only once)."""
    Announcement.objects.filter(
        pk=announcement_id,
        status=AnnouncementStatus.SENDING,
        batch_count__isnull=False,
        batches_done__gte=F("batch_count"),
    ).update(status=AnnouncementStatus.SENT, finished_at=timezone.now())


def _context(announcement: Announcement) -> dict:
    course = announcement.course
    return {
        "announcement": announcement,
        "course_title": course.title if course else "",
        "course_url": site_url(course.url) if course and course.url else "",
        "profile_url": site_url(reverse("profile_edit")),
        "dashboard_url": site_url(reverse("dashboard")),
    }
