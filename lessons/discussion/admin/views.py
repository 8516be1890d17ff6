"""The discussion screens: the moderation queue, the unanswered questions and
one post's page (its actions are in ``actions.py``)."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView

from core.admin_pages import ActionPageView
from lessons.discussion.admin.columns import (
    AuthorColumn,
    LessonColumn,
    PostTextColumn,
    StatesColumn,
    WaitingColumn,
    course_column,
    post_page_url,
    post_states,
    posted_column,
)
from lessons.discussion.admin.forms import (
    AnswerForm,
    DismissForm,
    EraseForm,
    HideForm,
    MarkAnsweredForm,
    RestoreForm,
)
from lessons.discussion.admin.selectors import (
    post_record,
    posts_for_moderation,
    questions_unanswered,
)
from lessons.discussion.selectors import user_can_moderate
from lessons.models import Post

VIEW = "lessons.view_post"


class ModerationIndexView(IndexView):
    """Reported posts first (most reports on top), then the newest."""

    page_title = gettext_lazy("Moderation queue")
    default_ordering = ("-open_reports", "-created_at", "-pk")

    def get_base_queryset(self):
        return posts_for_moderation()

    def get_page_title(self):
        return self.page_title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_list_more_buttons(self, instance):
        return []

    @cached_property
    def columns(self):
        return [
            PostTextColumn(),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            AuthorColumn(),
            LessonColumn(),
            course_column(),
            posted_column(),
            Column("open_reports", label=_("Open reports"), sort_key="open_reports"),
            StatesColumn(),
        ]


class UnansweredIndexView(IndexView):
    """Questions nobody on staff has answered yet, the longest waiting first."""

    page_title = gettext_lazy("Unanswered questions")
    default_ordering = ("created_at", "pk")

    def get_base_queryset(self):
        return questions_unanswered()

    def get_page_title(self):
        return self.page_title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_list_more_buttons(self, instance):
        return []

    @cached_property
    def no_results_message(self):
        return _("Every question has an answer. Nothing is waiting.")

    @cached_property
    def columns(self):
        return [
            PostTextColumn(),
            AuthorColumn(),
            LessonColumn(),
            course_column(),
            WaitingColumn(),
            Column("reply_count", label=_("Replies")),
        ]


class PostInspectView(ActionPageView):
    """One post as learners see it, its thread, reports, history and actions."""

    template_name = "lessons/discussion/admin/post_inspect.html"
    model = Post
    index_url_name = "discussion_posts:index"
    index_label = gettext_lazy("Moderation queue")
    page_title = gettext_lazy("Discussion post")

    def get_object(self, queryset=None):
        try:
            self.record = post_record(pk=int(self.pk))
        except (Post.DoesNotExist, ValueError):
            raise Http404 from None
        return self.record.post

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        post, record = self.object, self.record
        for p in record.thread:
            p.is_current = p.pk == post.pk
        context.update(
            post=post,
            record=record,
            root=record.root,
            states=post_states(post),
            page_url=post_page_url(post, self.request),
            can_moderate=user_can_moderate(self.request.user),
        )
        if context["can_moderate"]:
            context.update(self._action_forms(post, record))
        return context

    def _action_forms(self, post, record) -> dict:
        url = lambda name: reverse(f"discussion_posts:{name}", args=[post.pk])  # noqa: E731
        forms = {}
        erased = not post.source
        if post.is_hidden and not erased:
            forms["restore"] = (
                self.action_form(RestoreForm, "restore"),
                url("restore"),
            )
        elif not post.is_deleted and not post.is_hidden:
            forms["hide"] = (self.action_form(HideForm, "hide"), url("hide"))
        if not erased:
            forms["erase"] = (self.action_form(EraseForm, "erase"), url("erase"))
        if record.open_reports:
            forms["dismiss"] = (
                self.action_form(DismissForm, "dismiss"),
                url("dismiss"),
            )
        root = record.root
        if not root.is_deleted and not root.is_hidden:
            forms["answer"] = (self.action_form(AnswerForm, "answer"), url("answer"))
        if post.is_question and not post.is_deleted:
            answered = post.answered_at is None
            forms["mark"] = (
                MarkAnsweredForm(
                    prefix="mark", initial={"answered": "1" if answered else "0"}
                ),
                url("mark_answered"),
            )
        return {"action_forms": forms}
