"""A "Discussion" panel on each learner's page in the admin: their latest posts,
each linked to its moderation page (for staff who may see posts)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from courses.learner_admin.panels import LearnerPanel
from lessons.discussion.admin.columns import post_excerpt, post_states
from lessons.discussion.admin.selectors import posts_of_author
from lessons.discussion.admin.views import VIEW


class DiscussionPanel(LearnerPanel):
    heading = _("Discussion")
    order = 45  # after the quiz attempts (40), before Orders (50)
    template_name = "lessons/discussion/admin/learner_panel_posts.html"

    def panel_context(self, bound_forms):
        posts = posts_of_author(user=self.learner)
        for post in posts:
            post.excerpt = post_excerpt(post)
            post.states = post_states(post)
        return {"posts": posts}


def discussion_learner_panels(request, learner) -> list[LearnerPanel]:
    if not request.user.has_perm(VIEW):
        return []
    return [DiscussionPanel(request=request, learner=learner)]
