"""The learner's page in the admin, and what every action on a learner shares:
who may act, where the page is, and the page again when a form is refused.

The actions themselves are in ``courses/learner_admin/views.py``; other apps'
panels (lessons, payments) post to their own views built on the same helpers.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.admin_pages import ActionPageView, admin_action
from courses.learner_admin.panels import learner_display_name, learner_panels
from courses.learner_admin.permissions import learner_policy


class LearnerPageView(ActionPageView):
    """One learner: profile, account, enrollments with progress and every panel
    other apps contribute, then the history of actions on them."""

    permission_policy = learner_policy
    template_name = "courses/admin/learner_page.html"
    model = User
    index_url_name = "learners:index"
    index_label = gettext_lazy("Learners")
    page_title = gettext_lazy("Learner")

    def get_object(self, queryset=None):
        return get_object_or_404(User.objects.select_related("profile"), pk=self.pk)

    def get_page_subtitle(self):
        return learner_display_name(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["learner"] = self.object
        context["display_name"] = learner_display_name(self.object)
        context["panels"] = learner_panels(request=self.request, learner=self.object)
        context["bound_forms"] = self.bound_forms
        return context


# POST only, refused with a plain 403 (see core.admin_pages.admin_action).
learner_action = admin_action


def learner_for_action(request, pk: int, perm: str) -> User:
    """The learner, if the signed-in user may see learners and take this action."""
    if not (learner_policy.user_has_permission(request.user, "view")):
        raise PermissionDenied
    if not request.user.has_perm(perm):
        raise PermissionDenied
    return get_object_or_404(User, pk=pk)


def learner_page_url(learner: User) -> str:
    return reverse("learners:inspect", args=[learner.pk])


def learner_page_with_errors(request, learner: User, form):
    """Re-render the learner's page with ``form`` (bound, invalid) in place."""
    return LearnerPageView.with_errors(
        request,
        pk=learner.pk,
        form=form,
        message=_("The action was not done. Please correct the errors below."),
    )
