"""The columns of the discussion listings: each reads as a document (the text,
who wrote it, where, when), never as a record's id or repr."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from courses.record_display import excerpt
from lessons.discussion.admin.selectors import post_plain_text
from lessons.models import Post

TEMPLATES = "lessons/discussion/admin/"


def post_excerpt(post: Post) -> str:
    if post.is_deleted:
        return str(_("(deleted by its author)"))
    return excerpt(post_plain_text(post), 120)


def post_inspect_url(post: Post) -> str:
    return reverse("discussion_posts:inspect", args=[post.pk])


def post_states(post: Post) -> list[tuple[str, bool]]:
    """(label, primary) for each state tag: Hidden, Deleted, Answered."""
    states = []
    if post.is_hidden:
        states.append((str(_("Hidden")), True))
    if post.is_deleted:
        states.append((str(_("Deleted")), False))
    if post.is_question:
        if post.answered_at:
            states.append((str(_("Answered")), False))
        else:
            states.append((str(_("Not answered")), True))
    if post.is_staff_post:
        states.append((post.get_author_role_display(), False))
    return states


def post_page_url(post: Post, request) -> str:
    """The post on the live lesson page, or empty when the page is not live."""
    url = post.page.get_url(request) if post.page.live else None
    return f"{url}#post-{post.pk}" if url else ""


class PostTextColumn(TitleColumn):
    """The post's text (plain, cut at ~120 characters), linked to its page."""

    def __init__(self, name="text", **kwargs):
        super().__init__(
            name,
            label=_("Post"),
            accessor=post_excerpt,
            get_url=post_inspect_url,
            **kwargs,
        )


class AuthorColumn(Column):
    """Public name, and the email underneath (staff only ever see this)."""

    cell_template_name = TEMPLATES + "author_cell.html"

    def __init__(self, name="author", **kwargs):
        super().__init__(name, label=_("Author"), **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["name"] = instance.author_name
        context["email"] = instance.author.email if instance.author else ""
        return context


class LessonColumn(Column):
    """The lesson or quiz title, linked to the post on the live page."""

    cell_template_name = TEMPLATES + "lesson_cell.html"

    def __init__(self, name="lesson", **kwargs):
        super().__init__(
            name, label=_("Lesson or quiz"), accessor="page.title", **kwargs
        )

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = post_page_url(instance, parent_context.get("request"))
        return context


class StatesColumn(Column):
    cell_template_name = TEMPLATES + "states_cell.html"

    def __init__(self, name="states", **kwargs):
        super().__init__(name, label=_("State"), accessor=post_states, **kwargs)


def course_column() -> Column:
    return Column("course", label=_("Course"), accessor="course.title")


def posted_column() -> DateColumn:
    return DateColumn("created_at", label=_("Posted"), sort_key="created_at")


class WaitingColumn(Column):
    """How long the question has waited: "3 days waiting"."""

    cell_template_name = TEMPLATES + "waiting_cell.html"

    def __init__(self, name="waiting", **kwargs):
        super().__init__(
            name,
            label=_("Waiting"),
            accessor="created_at",
            sort_key="created_at",
            **kwargs,
        )
