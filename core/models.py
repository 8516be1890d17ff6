"""Pages that belong to the site rather than to teaching."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from core.routing import RouteByPathMixin
from core.view_restrictions import CachedViewRestrictionsMixin


class HomePage(RouteByPathMixin, CachedViewRestrictionsMixin, Page):
    """The academy's front door: a welcome and the featured courses."""

    hero_heading = models.CharField(
        max_length=120,
        help_text=_("The large heading at the top of the home page."),
    )
    hero_text = models.TextField(
        blank=True,
        help_text=_("One or two sentences under the heading: who the academy is for."),
    )
    body = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Optional text shown below the featured courses."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage", "core.ContentPage"]
    max_count = 1
    page_description = _("The home page of the academy. There is only one.")
    cache_for_visitors = True  # the same for every visitor: core.page_cache

    class Meta:
        verbose_name = _("home page")


class ContentPage(CachedViewRestrictionsMixin, Page):
    """A plain page: About, Privacy, Terms, the refund policy."""

    summary = models.TextField(
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown in search results and link previews."),
    )
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        help_text=_("The page's text, built from headings, paragraphs and callouts."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["core.HomePage", "core.ContentPage"]
    subpage_types = ["core.ContentPage"]
    page_description = _(
        "A plain page of text, such as About, Privacy, Terms or the refund policy."
    )
    cache_for_visitors = True  # the same for every visitor: core.page_cache

    class Meta:
        verbose_name = _("content page")
