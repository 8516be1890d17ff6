"""Announcements in the Wagtail admin: the list of what was sent, each one as
sent, and (in ``views.py``) compose → preview → send.

Reading needs ``courses.view_announcement`` (Instructor and Assistant);
writing needs ``courses.add_announcement`` (Instructor). A sent announcement
is a record: nobody edits or deletes it here.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from courses.announcements import views
from courses.announcements.selectors import announcements_for_admin
from courses.announcements.services import ACTION_SEND
from courses.models import Announcement, AnnouncementStatus


class AnnouncementPermissionPolicy(ModelPermissionPolicy):
    """Written (``add``) and read (``view``); never changed or deleted."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


announcement_policy = AnnouncementPermissionPolicy(Announcement)
register_permission_policy(Announcement, announcement_policy)


def course_label(announcement: Announcement) -> str:
    return announcement.course.title if announcement.course else _("Every course")


def sender_label(announcement: Announcement) -> str:
    user = announcement.sent_by
    if user is None:
        return _("A former staff member")
    return user.get_full_name() or user.email


def when_label(value) -> str:
    return formats.date_format(value, "DATETIME_FORMAT") if value else ""


def status_label(announcement: Announcement) -> str:
    if announcement.status == AnnouncementStatus.SENT:
        return _("Sent")
    return _("Sending: %(sent)s of %(total)s so far") % {
        "sent": f"{announcement.sent_count:,}",
        "total": f"{announcement.recipient_count:,}",
    }


class AnnouncementIndexView(IndexView):
    """Every announcement sent, newest first."""

    page_title = gettext_lazy("Announcements")
    permission_required = "view"
    any_permission_required = None
    default_ordering = ("-created_at", "-pk")

    def get_base_queryset(self):
        return announcements_for_admin()

    def get_page_title(self):
        return self.page_title

    def get_list_more_buttons(self, instance):
        return []

    @cached_property
    def add_item_label(self):
        return _("New announcement")

    @cached_property
    def no_results_message(self):
        return _("No announcement has been sent yet.")

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "subject",
                label=_("Subject"),
                get_url=lambda obj: reverse("announcements:inspect", args=[obj.pk]),
                sort_key="subject",
            ),
            Column("course", label=_("To"), accessor=course_label),
            Column("sent_by", label=_("Sent by"), accessor=sender_label),
            Column(
                "created_at",
                label=_("Sent on"),
                accessor=lambda obj: when_label(obj.created_at),
                sort_key="created_at",
            ),
            Column("recipient_count", label=_("Recipients")),
            Column("sent_count", label=_("Received so far")),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor=status_label,
                primary=lambda obj: obj.status == AnnouncementStatus.SENDING,
            ),
        ]


class AnnouncementInspectView(InspectView):
    """One announcement as its learners received it, and what became of it."""

    template_name = "courses/admin/announcements/inspect.html"
    page_title = gettext_lazy("Announcement")
    permission_required = "view"
    any_permission_required = None

    def get_object(self, queryset=None):
        return get_object_or_404(announcements_for_admin(), pk=self.pk)

    def get_fields(self):
        return []

    def get_page_subtitle(self):
        return self.object.subject

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        announcement = self.object
        context.update(
            announcement=announcement,
            course_label=course_label(announcement),
            sender_label=sender_label(announcement),
            sent_on=when_label(announcement.created_at),
            finished_on=when_label(announcement.finished_at),
            status_label=status_label(announcement),
        )
        return context


class AnnouncementURLFinder(ModelAdminURLFinder):
    """Site history links an announcement to its page, for who may read it."""

    def get_edit_url(self, instance):
        if self.user and not announcement_policy.user_has_permission(self.user, "view"):
            return None
        return reverse("announcements:inspect", args=[instance.pk])


class AnnouncementsMenuItem(MenuItem):
    def is_shown(self, request):
        return announcement_policy.user_has_permission(request.user, "view")


class AnnouncementViewSet(ModelViewSet):
    """The Announcements menu: the list, each announcement, compose and send."""

    model = Announcement
    icon = "mail"
    menu_label = gettext_lazy("Announcements")
    menu_name = "announcements"
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = AnnouncementIndexView
    inspect_view_enabled = True
    inspect_view_class = AnnouncementInspectView
    copy_view_enabled = False
    add_to_reference_index = False
    url_finder_class = AnnouncementURLFinder
    form_fields = ["subject"]  # required by ModelViewSet; its forms are not used

    @cached_property
    def menu_item_class(self):
        return AnnouncementsMenuItem

    def get_common_view_kwargs(self, **kwargs):
        # Only the views below exist: "add" is the compose-preview-send journey.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": self.get_url_name("create"),
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("new/", views.announcement_compose_view, name="create"),
            path("new/send/", views.announcement_send_view, name="send"),
        ]


class AnnouncementSendLogFormatter(LogFormatter):
    label = gettext_lazy("Announcement: send")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Sent “%(subject)s” to %(count)s learner(s) of %(course)s.") % {
            "subject": data.get("subject", ""),
            "count": data.get("recipient_count", 0),
            "course": data.get("course_title") or _("every course"),
        }


def announcement_log_actions_register(actions) -> None:
    """A label and a sentence for the entry ``announcement_create`` logs."""
    actions.register_action(ACTION_SEND)(AnnouncementSendLogFormatter)
