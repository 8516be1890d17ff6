"""What lessons and quizzes add to the course's item (``courses.models.items``:
flags, schedule, gate, outline, previous and next): the discussion under
them. ``lessons/models/pages.py`` holds the two kinds."""

from __future__ import annotations

from courses.models.items import CourseItem


class DiscussedItem(CourseItem):
    """A course item with its lesson discussion below the content."""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["discussion"] = self._discussion(request)
        return context

    def _discussion(self, request):
        # Imported here: the discussion's modules import these page models.
        from lessons.discussion.page_section import discussion_section

        return discussion_section(request, page=self)
