"""Continuing-education details: approvals, credit lines, levels and formats."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index

from courses import approval_statements


class CreditType(models.TextChoices):
    GENERAL = "general", _("General")
    ETHICS = "ethics", _("Ethics")
    CLINICAL = "clinical", _("Clinical")
    CULTURAL = "cultural", _("Cultural competence")
    SUPERVISION = "supervision", _("Supervision")


class CourseLevel(models.TextChoices):
    BEGINNING = "beginning", _("Beginning")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CourseFormat(models.TextChoices):
    SELF_PACED = "self_paced_online", _("Self-paced online")
    LIVE_WEBINAR = "live_webinar", _("Live webinar")


class ApprovalKind(models.TextChoices):
    ACE_COURSE = approval_statements.ACE_COURSE, _("ASWB ACE individual course")
    ACE_PROVIDER = approval_statements.ACE_PROVIDER, _("ASWB ACE approved provider")
    NBCC_ACEP = (
        approval_statements.NBCC_ACEP,
        _("NBCC Approved Continuing Education Provider (ACEP)"),
    )
    APA_SPONSOR = approval_statements.APA_SPONSOR, _("APA-approved sponsor")
    STATE_BOARD = approval_statements.STATE_BOARD, _("State licensing board")
    CO_SPONSORSHIP = (
        approval_statements.CO_SPONSORSHIP,
        _("Co-sponsorship with an approved provider"),
    )


class CourseFormatsField(models.JSONField):
    """A list of ``CourseFormat`` values, edited as checkboxes.

    JSON rather than a PostgreSQL array so it works on SQLite too; the form
    field only accepts the known formats.
    """

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=CourseFormat.choices,
            widget=kwargs.get("widget") or forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


def formats_all() -> list[str]:
    return list(CourseFormat.values)


class Approval(index.Indexed, models.Model):
    """A CE approval: who approved, under which number, for when, for which formats.

    A certificate awards CE hours only under an approval that covers the
    course's delivery format and whose period includes the completion date
    (``covers``). The statement is printed on certificates as written; an
    empty one is filled with the standard wording for the kind when saved
    through a form (``clean``).
    """

    body_name = models.CharField(
        _("approving body"),
        max_length=200,
        help_text=_("E.g. the Association of Social Work Boards (ASWB) ACE program."),
    )
    kind = models.CharField(
        _("kind of approval"),
        max_length=20,
        choices=ApprovalKind.choices,
        default=ApprovalKind.STATE_BOARD,
        help_text=_(
            "What the body approved: a provider, one course, a sponsor, or a "
            "co-sponsored program. It decides whether a provider number is needed "
            "and the standard wording of the statement."
        ),
    )
    provider_number = models.CharField(
        max_length=100,
        blank=True,
        help_text=_(
            "The provider or approval number the body issued. APA-approved sponsors "
            "have none: leave it empty for them."
        ),
    )
    period_start = models.DateField(help_text=_("First day the approval is valid."))
    period_end = models.DateField(help_text=_("Last day the approval is valid."))
    formats = CourseFormatsField(
        _("formats covered"),
        default=formats_all,
        help_text=_(
            "The delivery formats the body approved. A course in a format not "
            "ticked here earns no CE hours under this approval."
        ),
    )
    statement = models.TextField(
        _("approval statement"),
        blank=True,
        help_text=_(
            "The exact text the body requires on certificates and pages. Leave it "
            "empty to start from the standard wording for the kind of approval "
            "(shown below), then edit it to match your approval letter."
        ),
    )
    requires_license_number = models.BooleanField(
        default=True,
        help_text=_(
            "Certificates under this approval must print the learner's license."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("body_name"),
        index.AutocompleteField("body_name"),
    ]

    class Meta:
        ordering = ["body_name", "-period_end"]
        verbose_name = _("CE approval")

    def __str__(self) -> str:
        if self.provider_number:
            return f"{self.body_name} ({self.provider_number})"
        return self.body_name

    @property
    def needs_provider_number(self) -> bool:
        return self.kind not in approval_statements.KINDS_WITHOUT_NUMBER

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.period_start <= on <= self.period_end

    def covers(self, *, ce_format: str, on: date) -> bool:
        """Whether a course in ``ce_format`` completed ``on`` earns hours under it."""
        return ce_format in (self.formats or []) and self.is_current(on)

    def formats_display(self) -> str:
        labels = dict(CourseFormat.choices)
        return ", ".join(str(labels.get(value, value)) for value in self.formats or [])

    def statement_standard(self) -> str:
        """The standard wording for this approval's kind, with its facts filled in."""
        return approval_statements.statement_standard(
            kind=self.kind,
            body_name=self.body_name,
            provider_number=self.provider_number,
            period_start=self.period_start,
            period_end=self.period_end,
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.needs_provider_number and not (self.provider_number or "").strip():
            errors["provider_number"] = _(
                "An approval of this kind (%(kind)s) has a provider or approval "
                "number: enter the number the body issued."
            ) % {"kind": self.get_kind_display()}
        if (
            self.period_start
            and self.period_end
            and self.period_end < self.period_start
        ):
            errors["period_end"] = _(
                "The approval period ends before it starts: check the dates."
            )
        if errors:
            raise ValidationError(errors)
        if not (self.statement or "").strip():
            self.statement = self.statement_standard()


class CourseCredit(Orderable):
    """A line of CE credit on a course: so many hours of one credit type."""

    course = ParentalKey("courses.CoursePage", related_name="credits")
    credit_type = models.CharField(
        max_length=20, choices=CreditType.choices, default=CreditType.GENERAL
    )
    hours = models.DecimalField(
        max_digits=5, decimal_places=2, help_text=_("Hours of this credit type.")
    )

    panels = [FieldRowPanel([FieldPanel("credit_type"), FieldPanel("hours")])]

    class Meta(Orderable.Meta):
        verbose_name = _("CE credit")

    def __str__(self) -> str:
        return f"{self.hours} h {self.get_credit_type_display()}"
