"""Invitations: a seat in a course kept for someone who has no account yet."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """A course seat waiting for whoever verifies ``email``.

    Made by a bulk enrollment for an address no verified account owns. When a
    person signs up and verifies that address, every pending invitation for it
    becomes an enrollment (``courses.bulk_enroll.invitations_accept``). One per
    (email, course), ever: inviting again changes nothing.
    """

    email = models.EmailField(_("email address"), help_text=_("Stored in lower case."))
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("course"),
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("email sent at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "email"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "course"], name="invitation_unique_email_course"
            )
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.course}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None
