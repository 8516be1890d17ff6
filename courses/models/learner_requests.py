"""Accommodation requests and grievances that learners file, and their answers."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class LearnerRequestKind(models.TextChoices):
    ACCOMMODATION = "accommodation", _("Accommodation request")
    GRIEVANCE = "grievance", _("Grievance")


class LearnerRequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class LearnerRequest(models.Model):
    """A learner's accommodation request or grievance, kept with its answer.

    Filed by a signed-in learner (``courses.services.learner_request_submit``,
    which emails an acknowledgement); answered and closed by the instructor in
    the admin (``learner_request_answer``). Kept as a record: approval bodies
    ask providers to show how grievances and accommodation requests were
    handled.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="learner_requests",
        verbose_name=_("learner"),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=LearnerRequestKind.choices
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("course"),
        help_text=_("The course it is about, if the learner named one."),
    )
    message = models.TextField(_("message"), max_length=5000)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=LearnerRequestStatus.choices,
        default=LearnerRequestStatus.OPEN,
    )
    response = models.TextField(
        _("response"),
        blank=True,
        help_text=_(
            "Your answer to the learner. When you save a new or changed answer, "
            "it is emailed to them."
        ),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("learner request")
        verbose_name_plural = _("learner requests")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return _("%(kind)s from %(email)s, %(date)s") % {
            "kind": self.get_kind_display(),
            "email": self.user.email,
            "date": self.created_at.date().isoformat() if self.created_at else "",
        }

    def clean(self):
        super().clean()
        if self.status == LearnerRequestStatus.ANSWERED and not self.response.strip():
            raise ValidationError(
                {
                    "response": _(
                        "Write your answer before marking the request answered, "
                        "or leave it open."
                    )
                }
            )
