"""Lessons (and, later, quizzes): the items of a module."""

from __future__ import annotations

from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.access import item_access
from courses.models import CoursePage
from courses.selectors import course_outline
from courses.views import item_refused
from lessons.blocks import LessonStreamBlock


class LessonPage(Page):
    """A lesson: text, video, documents and prompts, gated by the access policy."""

    summary = models.TextField(
        blank=True,
        max_length=400,
        help_text=_(
            "One or two sentences shown in the outline and in search results. "
            "Visitors who are not enrolled see this, never the lesson itself."
        ),
    )
    is_free_preview = models.BooleanField(
        _("free preview"),
        default=False,
        help_text=_("Anyone may read this lesson, enrolled or not, to try the course."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        default=10, help_text=_("About how long the lesson takes, in minutes.")
    )
    body = StreamField(
        LessonStreamBlock(),
        help_text=_("The lesson, built from text, videos, callouts and documents."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    settings_panels = [
        FieldPanel("is_free_preview"),
        FieldPanel("estimated_minutes"),
        *Page.settings_panels,
    ]
    # Titles and summaries only: a visitor's search must never reveal a body.
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    page_description = _(
        "A lesson in a module: text, video with transcript, documents and prompts."
    )

    class Meta:
        verbose_name = _("lesson")

    @cached_property
    def course(self) -> CoursePage:
        return CoursePage.objects.ancestor_of(self).get()

    def get_sitemap_urls(self, request=None):
        # Gated lessons would only show a call to action: list the previews.
        return super().get_sitemap_urls(request) if self.is_free_preview else []

    def serve(self, request, *args, **kwargs):
        decision = item_access(user=request.user, page=self)
        if not decision.allowed:
            return item_refused(request, page=self, decision=decision)
        request.access_decision = decision
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        decision = getattr(request, "access_decision", None)
        course = decision.course if decision else self.course
        outline = course_outline(course=course)
        items = [item for module in outline for item in module.items]
        index_ = next((i for i, item in enumerate(items) if item.pk == self.pk), None)
        context.update(
            {
                "course": course,
                "outline": outline,
                "previous_item": items[index_ - 1] if index_ else None,
                "next_item": (
                    items[index_ + 1]
                    if index_ is not None and index_ + 1 < len(items)
                    else None
                ),
            }
        )
        return context
