"""What every lesson and quiz is (an abstract page): its flags, its release
schedule, its course, and the gate in front of it (``courses.item_gate``).

The kinds of item are other apps' (``lessons``: lessons and quizzes); this
class is all ``courses`` knows of them: the outline, the access policy and the
reports read items through it and never name a kind.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search import index

from core.view_restrictions import CachedViewRestrictionsMixin
from courses.models.pages import CoursePage
from courses.models.schedule import ReleaseSchedule


class CourseItem(CachedViewRestrictionsMixin, ReleaseSchedule, Page):
    """What lessons and quizzes share: the flags, the schedule, the gate."""

    summary = models.TextField(
        blank=True,
        max_length=400,
        help_text=_(
            "One or two sentences shown in the outline and in search results. "
            "Visitors who are not enrolled see this, never the content itself."
        ),
    )
    is_free_preview = models.BooleanField(
        _("free preview"),
        default=False,
        help_text=_("Anyone may open this, enrolled or not, to try the course."),
    )
    is_optional = models.BooleanField(
        _("optional"),
        default=False,
        help_text=_(
            "Optional items do not count towards progress or completion, and "
            "never block the next item in a sequential course."
        ),
    )
    # A kind of item that is a course's post-test, or that has an estimated
    # time, declares these as fields of its own; a kind whose estimates make
    # up the course's content time (``courses.ce_content``) says so.
    is_final_assessment: bool = False
    estimated_minutes: int | None = None
    counts_toward_content_time: bool = False

    # Titles and summaries only: a visitor's search must never reveal content.
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    # A visitor's free preview is the same for every visitor (refusals are
    # private); see core.page_cache.
    cache_for_visitors = True

    class Meta:
        abstract = True

    @classmethod
    def kinds(cls) -> list[type[CourseItem]]:
        """Every concrete kind of item installed (lessons, quizzes, …)."""
        return [
            model
            for model in apps.get_models()
            if issubclass(model, cls) and not model._meta.abstract
        ]

    @cached_property
    def course(self) -> CoursePage:
        from courses.outline import course_of_item

        course = course_of_item(self)
        if course is None:
            raise CoursePage.DoesNotExist
        return course

    def get_sitemap_urls(self, request=None):
        # Gated items would only show a call to action: list the previews.
        return super().get_sitemap_urls(request) if self.is_free_preview else []

    def serve(self, request, *args, **kwargs):
        from courses.item_gate import item_serve

        return item_serve(self, request, *args, **kwargs)

    def serve_item(self, request, *args, **kwargs):
        """Render the item once the gate has let the request through."""
        return Page.serve(self, request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from courses.item_gate import item_context

        context = super().get_context(request, *args, **kwargs)
        context.update(item_context(self, request))
        return context
