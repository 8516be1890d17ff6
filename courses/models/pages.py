"""The catalog and the course (its sales page); modules are in ``modules.py``."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import ContentStreamBlock
from core.fields import MinorUnitsField
from core.money import money_format
from core.view_restrictions import CachedViewRestrictionsMixin
from courses.admin.editor_panels import CourseCEWarningsPanel, CourseContentTimePanel
from courses.models.ce import CourseFormat, CourseLevel, CreditType
from courses.models.time_rules import TimeOnTaskRules

CURRENCIES = [("usd", "USD"), ("cad", "CAD"), ("eur", "EUR"), ("gbp", "GBP")]


class CourseIndexPage(CachedViewRestrictionsMixin, Page):
    """The catalog: lists the published courses below it."""

    intro = models.TextField(
        blank=True, help_text=_("A sentence or two above the list of courses.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    page_description = _("The course catalog. Add each course as a page below it.")
    cache_for_visitors = True  # the same for every visitor: core.page_cache

    class Meta:
        verbose_name = _("course catalog")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image", "instructor")
        )
        return context


class CoursePage(CachedViewRestrictionsMixin, TimeOnTaskRules, Page):
    """A course: its sales page, its price and CE hours, and its modules below it."""

    summary = models.TextField(
        max_length=400,
        help_text=_("One or two sentences: what the course is and what it gives."),
    )
    learning_objectives = StreamField(
        [
            (
                "objective",
                blocks.CharBlock(
                    max_length=250,
                    help_text=_('Start with a verb: "Describe …", "Identify …".'),
                ),
            )
        ],
        blank=True,
        help_text=_("What a learner will be able to do afterwards, one per line."),
    )
    audience = models.TextField(
        _("who it is for"),
        blank=True,
        help_text=_("Which clinicians the course is written for, and what they need."),
    )
    description = StreamField(
        ContentStreamBlock(),
        blank=True,
        help_text=_("The longer description on the course page."),
    )
    instructor = models.ForeignKey(
        "courses.Instructor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
        help_text=_("Who teaches the course. Add instructors under Snippets."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide image for the catalog and the top of the course page."),
    )
    price_amount = MinorUnitsField(
        _("price"),
        default=0,
        help_text=_(
            "In dollars (or the course's currency), e.g. 149 or 149.50; "
            "0 makes the course free."
        ),
    )
    currency = models.CharField(
        max_length=3,
        choices=CURRENCIES,
        default="usd",
        help_text=_("The currency learners pay in."),
    )
    ce_hours = models.DecimalField(
        _("CE hours"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_(
            "Continuing-education hours a completing learner earns. "
            "Leave empty if the course carries none."
        ),
    )
    ce_hours_rationale = models.TextField(
        _("how the hours were computed"),
        blank=True,
        help_text=_(
            "Optional. How you arrived at the CE hours, in a few sentences: e.g. "
            "the reading, video and exercise time per module, and the post-test. "
            "Shown to learners and reviewers in the course page's continuing "
            "education section."
        ),
    )

    is_sequential = models.BooleanField(
        _("sequential"),
        default=False,
        help_text=_(
            "Learners must complete each required lesson or quiz before the next "
            "one opens."
        ),
    )

    ce_level = models.CharField(
        _("level"),
        max_length=16,
        choices=CourseLevel.choices,
        blank=True,
        help_text=_("The course's level, as CE approval bodies ask for it."),
    )
    ce_format = models.CharField(
        _("format"),
        max_length=20,
        choices=CourseFormat.choices,
        default=CourseFormat.SELF_PACED,
        help_text=_("How the course is delivered; certificates print it."),
    )
    approvals = ParentalManyToManyField(
        "courses.Approval",
        blank=True,
        related_name="courses",
        help_text=_(
            "The CE approvals that cover this course. Add them under Snippets."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("instructor"),
        FieldPanel("learning_objectives"),
        FieldPanel("audience"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price_amount"), FieldPanel("currency")]),
            ],
            heading=_("Price"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ce_hours"),
                InlinePanel("credits", label=_("Credit by type")),
                FieldRowPanel([FieldPanel("ce_level"), FieldPanel("ce_format")]),
                FieldPanel("approvals", widget=forms.CheckboxSelectMultiple),
                CourseCEWarningsPanel(),
                CourseContentTimePanel(),
                FieldPanel("ce_hours_rationale"),
                *TimeOnTaskRules.time_panels,
            ],
            heading=_("Continuing education"),
            help_text=_(
                "The hours by credit type should add up to the CE hours. A learner "
                "earns the hours only if a ticked approval covers the course's "
                "format and is valid on the day they complete it; otherwise the "
                "certificate awards none. Warnings about the approvals show here. "
                'The minimum times hold back "Mark complete" and the '
                "certificate until the learner has spent them."
            ),
        ),
    ]
    settings_panels = [
        FieldPanel("is_sequential"),
        *Page.settings_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("audience"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    page_description = _(
        "A course: the page learners see before they enroll, with its price and CE "
        "hours. Add its modules as pages below it."
    )
    cache_for_visitors = True  # the same for every visitor: core.page_cache

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        credits = [c for c in self.credits.all() if not getattr(c, "DELETE", False)]
        if credits and self.ce_hours is not None:
            total = sum((c.hours or 0) for c in credits)
            if total != self.ce_hours:
                raise ValidationError(
                    {
                        "ce_hours": _("The credit lines add up to %(total)s hours.")
                        % {"total": total}
                    }
                )

    @property
    def offers_ce(self) -> bool:
        return bool(self.ce_hours)

    def approvals_awarding_today(self) -> list:
        """The approvals under which a completion today earns the CE hours."""
        from courses.ce_coverage import approvals_covering

        return approvals_covering(course=self, on=timezone.localdate())

    def credit_lines(self) -> list[tuple[str, Decimal]]:
        """(credit type label, hours), all general hours when no lines are set."""
        lines = [(c.get_credit_type_display(), c.hours) for c in self.credits.all()]
        if not lines and self.ce_hours:
            lines = [(str(CreditType.GENERAL.label), self.ce_hours)]
        return lines

    @property
    def is_free(self) -> bool:
        return self.price_amount == 0

    @property
    def price_display(self) -> str:
        """The price as learners read it: "$149.00" (``core.money.money_format``)."""
        return money_format(self.price_amount, self.currency)

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self, user=request.user))
        return context
