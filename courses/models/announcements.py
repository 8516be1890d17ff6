"""Announcements: the instructor writes to the active learners of a course."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnouncementStatus(models.TextChoices):
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Announcement(models.Model):
    """One announcement as sent: to whom, by whom, and how many received it.

    ``course`` empty means every course. The body is Markdown, kept with the
    sanitized HTML made from it (``core.markdown``).
    """

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
        help_text=_("Leave empty to write to the learners of every course."),
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message (Markdown)"))
    body_html = models.TextField(_("message as sent (HTML)"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AnnouncementStatus.choices,
        default=AnnouncementStatus.SENDING,
    )
    recipient_count = models.PositiveIntegerField(
        _("recipients"), default=0, help_text=_("Learners it was addressed to.")
    )
    sent_count = models.PositiveIntegerField(
        _("received"), default=0, help_text=_("Emails sent so far.")
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    draft_key = models.CharField(
        _("preview"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The preview it was sent from: one announcement per preview."),
    )
    # The sending's own bookkeeping (courses.announcements.tasks): how many
    # batches it was split into (empty until the sending starts), which batches
    # have been taken by a worker (each by its first learner's id, so a batch
    # run twice sends nothing the second time), and how many are done.
    batch_count = models.PositiveIntegerField(_("batches"), null=True, blank=True)
    batches_taken = models.JSONField(_("batches taken"), default=list, blank=True)
    batches_done = models.PositiveIntegerField(_("batches done"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return self.subject
