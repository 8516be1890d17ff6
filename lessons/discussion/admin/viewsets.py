"""The Discussion menu: the moderation queue and the unanswered questions.

Both are viewsets over ``Post`` that only read; what changes a post is an
action on its page (``views.py``), each under ``lessons.moderate_post``.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lessons.discussion.admin import actions, views
from lessons.discussion.admin.filters import ModerationFilterSet, UnansweredFilterSet
from lessons.discussion.admin.selectors import questions_unanswered_count
from lessons.models import Post


class PostPermissionPolicy(ModelPermissionPolicy):
    """Posts are read in the admin (``lessons.view_post``), never added, edited
    or deleted there; moderation is its own permission, checked per action."""

    def __init__(self):
        super().__init__(Post)

    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return bool(user.is_active and user.has_perm(views.VIEW))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)


post_policy = PostPermissionPolicy()
register_permission_policy(Post, post_policy)


class PostURLFinder(ModelAdminURLFinder):
    """Site history links a post to its moderation page, for who may see it."""

    def get_edit_url(self, instance):
        if self.user and not post_policy.user_has_permission(self.user, "view"):
            return None
        return reverse("discussion_posts:inspect", args=[instance.pk])


class ViewPostsMenuItem(MenuItem):
    def is_shown(self, request):
        return post_policy.user_has_permission(request.user, "view")


class UnansweredMenuItem(ViewPostsMenuItem):
    """ "Unanswered questions (3)": the count is read when the menu is drawn."""

    def render_component(self, request):
        count = questions_unanswered_count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class PostViewSet(ModelViewSet):
    """Every post, reported ones first; each post's page carries the actions."""

    model = Post
    icon = "warning"
    menu_label = _("Moderation queue")
    menu_order = 10
    add_to_admin_menu = False
    index_view_class = views.ModerationIndexView
    inspect_view_enabled = True
    inspect_view_class = views.PostInspectView
    filterset_class = ModerationFilterSet
    copy_view_enabled = False
    add_to_reference_index = False
    url_finder_class = PostURLFinder
    form_fields = ["moderation_reason"]  # required by ModelViewSet; never edited

    @cached_property
    def menu_item_class(self):
        return ViewPostsMenuItem

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/hide/", actions.hide_view, name="hide"),
            path("<int:pk>/erase/", actions.erase_view, name="erase"),
            path("<int:pk>/restore/", actions.restore_view, name="restore"),
            path("<int:pk>/dismiss/", actions.dismiss_view, name="dismiss"),
            path("<int:pk>/answer/", actions.answer_view, name="answer"),
            path(
                "<int:pk>/mark-answered/",
                actions.mark_answered_view,
                name="mark_answered",
            ),
        ]


class UnansweredViewSet(PostViewSet):
    """Questions still waiting for an answer, oldest first."""

    icon = "help"
    menu_label = _("Unanswered questions")
    menu_order = 20
    index_view_class = views.UnansweredIndexView
    inspect_view_enabled = False
    filterset_class = UnansweredFilterSet

    @cached_property
    def menu_item_class(self):
        return UnansweredMenuItem

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    # The queue's viewset owns the Post model's URL finder and permissions.
    def register_admin_url_finder(self):
        pass

    def register_permissions(self):
        pass


class DiscussionViewSetGroup(ViewSetGroup):
    menu_label = _("Discussion")
    menu_icon = "comment"
    menu_order = 240

    def __init__(self):
        self.items = (
            PostViewSet("discussion_posts"),
            UnansweredViewSet("discussion_unanswered"),
        )
        super().__init__()
