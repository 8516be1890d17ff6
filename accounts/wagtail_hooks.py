"""Accounts in the Wagtail admin: the instructor's notification preferences."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from accounts.forms import DiscussionQuestionNotificationsForm, SaleNotificationsForm

# The group that gets sale emails (config.roles.INSTRUCTOR; accounts does
# not import courses). Administrators get them too.
SALE_NOTICE_GROUP = "Instructor"


def user_receives_sale_notices(user) -> bool:
    """Whether ``user`` is among those emailed on a sale, unless they opt out."""
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=SALE_NOTICE_GROUP).exists()
    )


class SaleNotificationsPanel(BaseSettingsPanel):
    name = "sale_notifications"
    title = _("Sales")
    tab = notifications_tab
    order = 200
    form_class = SaleNotificationsForm

    def is_active(self):
        return user_receives_sale_notices(self.user)


@hooks.register("register_account_settings_panel")
def register_sale_notifications_panel(request, user, profile):
    return SaleNotificationsPanel(request, user, profile)


class DiscussionNotificationsPanel(BaseSettingsPanel):
    """An email for each question a learner asks under a lesson (instructors
    and administrators, like the sale emails)."""

    name = "discussion_notifications"
    title = _("Discussion")
    tab = notifications_tab
    order = 210
    form_class = DiscussionQuestionNotificationsForm

    def is_active(self):
        return user_receives_sale_notices(self.user)


@hooks.register("register_account_settings_panel")
def register_discussion_notifications_panel(request, user, profile):
    return DiscussionNotificationsPanel(request, user, profile)
