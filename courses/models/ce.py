"""Continuing-education details: approvals, credit lines, levels and formats."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index


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


class Approval(index.Indexed, models.Model):
    """A CE approval: the body that approved a course, its number, period and text."""

    body_name = models.CharField(
        _("approving body"),
        max_length=200,
        help_text=_("E.g. the Association of Social Work Boards (ASWB) ACE program."),
    )
    provider_number = models.CharField(
        max_length=100, help_text=_("The provider or approval number the body issued.")
    )
    period_start = models.DateField(help_text=_("First day the approval is valid."))
    period_end = models.DateField(help_text=_("Last day the approval is valid."))
    statement = models.TextField(
        _("approval statement"),
        help_text=_("The exact text the body requires on certificates and pages."),
    )
    requires_license_number = models.BooleanField(
        default=True,
        help_text=_(
            "Certificates under this approval must print the learner's license."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("body_name"),
        FieldPanel("provider_number"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("statement"),
        FieldPanel("requires_license_number"),
    ]
    search_fields = [
        index.SearchField("body_name"),
        index.AutocompleteField("body_name"),
    ]

    class Meta:
        ordering = ["body_name", "-period_end"]
        verbose_name = _("CE approval")

    def __str__(self) -> str:
        return f"{self.body_name} ({self.provider_number})"

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.period_start <= on <= self.period_end


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
