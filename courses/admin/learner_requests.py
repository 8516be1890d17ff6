"""Learner requests in the admin: accommodation requests and grievances, answered.

The instructor lists them (filter by status and kind), opens one as a
document and answers it: the edit form holds only the status and the answer,
saved through ``courses.services.learner_request_answer``, which emails a new
or changed answer to the learner. Nobody adds or deletes one here: learners
file them, and they are kept as records. Registered in ``courses/wagtail_hooks.py``.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from courses.models import LearnerRequest
from courses.services import learner_request_answer


class AnswerOnlyPolicy(ModelPermissionPolicy):
    """Requests are viewed and answered, never added or deleted in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def learner_label(user) -> str:
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email


class LearnerRequestFilterSet(WagtailFilterSet):
    class Meta:
        model = LearnerRequest
        fields = ["status", "kind"]


class LearnerRequestSummaryPanel(Panel):
    """What the learner wrote, above the answer form (reads the instance only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/learner_request_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["learner_request"] = self.instance
            context["learner"] = learner_label(self.instance.user)
            return context


class LearnerRequestInspectView(InspectView):
    """The request as a document: who, about what, what they wrote, the answer."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["learner_request"] = self.object
        context["learner"] = learner_label(self.object.user)
        return context

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if edit_url := self.get_edit_url():
            buttons.append(
                HeaderButton(_("Answer"), url=edit_url, icon_name="edit", priority=10)
            )
        return buttons


class LearnerRequestEditView(EditView):
    """Save the status and answer through the service, and say what happened."""

    def save_instance(self):
        instance = self.form.instance
        self.emailed = learner_request_answer(
            learner_request=instance,
            status=instance.status,
            response=instance.response,
            by=self.request.user,
        )
        instance.refresh_from_db()
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance

    def get_success_message(self):
        learner_request = self.object
        values = {
            "kind": learner_request.get_kind_display(),
            "email": learner_request.user.email,
            "status": learner_request.get_status_display(),
        }
        if self.emailed:
            return (
                _(
                    "Saved. The %(kind)s from %(email)s is now %(status)s, and your "
                    "answer was emailed to them."
                )
                % values
            )
        return (
            _(
                "Saved. The %(kind)s from %(email)s is now %(status)s. No email was "
                "sent: the answer is empty or did not change."
            )
            % values
        )


class LearnerRequestViewSet(ModelViewSet):
    """Accommodation requests and grievances, newest first; open ones to answer."""

    model = LearnerRequest
    icon = "help"
    menu_label = gettext_lazy("Learner requests")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = LearnerRequestInspectView
    inspect_template_name = "courses/admin/learner_request_inspect.html"
    edit_view_class = LearnerRequestEditView
    list_display = [
        TitleColumn(
            "kind",
            label=gettext_lazy("Kind"),
            accessor="get_kind_display",
            url_name="learner_requests:inspect",
        ),
        Column(
            "learner",
            label=gettext_lazy("Learner"),
            accessor=lambda r: learner_label(r.user),
        ),
        Column(
            "course",
            label=gettext_lazy("Course"),
            accessor=lambda r: r.course.title if r.course else "",
        ),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("created_at", label=gettext_lazy("Received"), accessor="created_at"),
    ]
    filterset_class = LearnerRequestFilterSet
    search_fields = ["message", "response", "user__email"]
    panels = [
        LearnerRequestSummaryPanel(),
        FieldPanel("status"),
        FieldPanel("response"),
    ]

    def get_queryset(self, request):
        return LearnerRequest.objects.select_related("user", "course")
