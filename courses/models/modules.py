"""A course's modules: they group its lessons and quizzes, in tree order."""

from __future__ import annotations

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.view_restrictions import CachedViewRestrictionsMixin
from courses.models.pages import CoursePage
from courses.models.schedule import ReleaseSchedule


class ModulePage(CachedViewRestrictionsMixin, ReleaseSchedule, Page):
    """A module of a course: groups its lessons and quizzes, in tree order."""

    summary = models.TextField(
        blank=True,
        max_length=400,
        help_text=_("What this module covers, in a sentence or two."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    settings_panels = [*ReleaseSchedule.release_panels, *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["lessons.LessonPage", "lessons.QuizPage"]
    page_description = _(
        "A module of a course. Add its lessons below it and drag them into order."
    )
    cache_for_visitors = True  # the same for every visitor: core.page_cache

    class Meta:
        verbose_name = _("module")

    @cached_property
    def course(self) -> CoursePage:
        return CoursePage.objects.ancestor_of(self).get()

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(course=self.course, user=request.user))
        return context
