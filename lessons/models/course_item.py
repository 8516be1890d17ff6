"""What lessons and quizzes share (an abstract page): the gate through the
access policy, the course it belongs to, the outline, previous and next, and
the discussion under it. ``lessons/models/pages.py`` holds the two kinds."""

from __future__ import annotations

from django.db import models
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search import index

from core.view_restrictions import CachedViewRestrictionsMixin
from courses.access import course_state, item_access
from courses.models import CoursePage
from courses.models.schedule import ReleaseSchedule
from courses.outline import course_of_item
from courses.views import item_refused


class CourseItem(CachedViewRestrictionsMixin, ReleaseSchedule, Page):
    """What lessons and quizzes share: the gate, the outline, previous and next."""

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

    # Titles and summaries only: a visitor's search must never reveal content.
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    # A visitor's free preview is the same for every visitor (refusals are
    # private); see core.page_cache.
    cache_for_visitors = True

    class Meta:
        abstract = True

    @cached_property
    def course(self) -> CoursePage:
        course = course_of_item(self)
        if course is None:
            raise CoursePage.DoesNotExist
        return course

    def get_sitemap_urls(self, request=None):
        # Gated items would only show a call to action: list the previews.
        return super().get_sitemap_urls(request) if self.is_free_preview else []

    def serve(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):  # editors previewing a draft
            return self.serve_item(request, *args, **kwargs)
        decision = item_access(user=request.user, page=self)
        if not decision.allowed:
            return item_refused(request, page=self, decision=decision)
        request.access_decision = decision
        response = self.serve_item(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def serve_item(self, request, *args, **kwargs):
        """Render the item once the gate has let the request through."""
        return Page.serve(self, request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        decision = getattr(request, "access_decision", None)
        if decision is not None and decision.state is not None:
            state = decision.state
        else:
            state = course_state(user=request.user, course=self.course)
        previous_item, current_item, next_item = state.neighbours(self.pk)
        context.update(
            {
                "course": state.course,
                "state": state,
                "outline": state.modules,
                "current_item": current_item,
                "previous_item": previous_item,
                "next_item": next_item,
                "discussion": self._discussion(request),
            }
        )
        return context

    def _discussion(self, request):
        # Imported here: the discussion's modules import these page models.
        from lessons.discussion.page_section import discussion_section

        return discussion_section(request, page=self)
