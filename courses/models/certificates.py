"""Certificates: snapshots of a completion, verifiable by their serial."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    REISSUED = "reissued", _("Replaced by a corrected copy")


class CECredit(models.TextChoices):
    """What a certificate says about CE credit, decided once, at issue."""

    AWARDED = "awarded", _("CE hours awarded")
    NOT_APPROVED = (
        "not_approved",
        _("No CE hours: no approval covered the course on the completion date"),
    )
    NONE = "none", _("Certificate of completion: the course carries no CE hours")


class Certificate(models.Model):
    """A certificate of completion, with every printed field frozen at issue.

    One original per enrollment (a partial unique constraint); a correction
    is a new certificate pointing at the one it replaces, which is kept and
    marked ``reissued``. Nothing is ever deleted or silently replaced.
    """

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.PROTECT, related_name="certificates"
    )
    serial = models.CharField(max_length=32, unique=True)
    status = models.CharField(
        max_length=12,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("corrects certificate"),
        help_text=_("The certificate this corrected copy replaces."),
    )
    # What the certificate prints, as it was when issued.
    learner_name = models.CharField(_("name on certificate"), max_length=150)
    license_type = models.CharField(max_length=60, blank=True)
    license_number = models.CharField(max_length=60, blank=True)
    license_state = models.CharField(max_length=2, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    completed_on = models.DateField()
    ce_credit = models.CharField(
        _("CE credit"),
        max_length=16,
        choices=CECredit.choices,
        default=CECredit.AWARDED,
        help_text=_(
            "Whether the certificate awards CE hours. Without a valid approval "
            "covering the course's format on the completion date it awards none."
        ),
    )
    ce_hours = models.DecimalField(
        _("CE hours"), max_digits=5, decimal_places=2, default=0
    )
    credits = models.JSONField(
        _("credit lines"),
        default=list,
        help_text=_("The hours of each credit type, as printed."),
    )
    ce_format = models.CharField(_("CE format"), max_length=40, blank=True)
    ce_level = models.CharField(_("CE level"), max_length=40, blank=True)
    approvals = models.JSONField(
        _("approvals"),
        default=list,
        help_text=_(
            "The approving bodies, kinds, provider numbers, approval periods and "
            "statements, as printed."
        ),
    )
    provider_name = models.CharField(_("provider"), max_length=150)
    instructor = models.CharField(max_length=300, blank=True)
    post_test_score = models.PositiveSmallIntegerField(
        _("post-test score (%)"), null=True, blank=True
    )
    revoke_reason = models.CharField(_("reason revoked"), max_length=255, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment"],
                condition=Q(replaces__isnull=True),
                name="certificate_one_original_per_enrollment",
            )
        ]
        verbose_name = _("certificate")

    def __str__(self) -> str:
        return f"{self.serial} · {self.learner_name} · {self.course_title}"

    @property
    def awards_ce(self) -> bool:
        return self.ce_credit == CECredit.AWARDED

    @property
    def approval_lines(self) -> list[dict]:
        """The snapshot approvals with their periods as dates, for templates.

        Certificates issued before periods were recorded have none: their
        ``period_start`` and ``period_end`` are ``None``.
        """
        lines = []
        for approval in self.approvals or []:
            if not isinstance(approval, dict):
                continue
            lines.append(
                {
                    **approval,
                    "period_start": _date_or_none(approval.get("period_start")),
                    "period_end": _date_or_none(approval.get("period_end")),
                }
            )
        return lines

    @property
    def is_corrected_copy(self) -> bool:
        return self.replaces_id is not None

    @property
    def license_number_masked(self) -> str:
        """The license number with all but its last 3 characters hidden."""
        number = self.license_number
        if len(number) <= 3:
            return "•" * len(number)
        return "•" * (len(number) - 3) + number[-3:]


def _date_or_none(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
