"""Bulk enrollment in the audit log: a readable line for each action."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogFormatter

from courses.bulk_enroll import (
    ACTION_BULK_ENROLL,
    ACTION_INVITATION_ACCEPT,
    ACTION_INVITE,
)


def _course(log_entry) -> str:
    return (log_entry.data or {}).get("course_title", "")


class BulkEnrollLogFormatter(LogFormatter):
    label = gettext_lazy("Enroll from a bulk file")

    def format_message(self, log_entry):
        if (log_entry.data or {}).get("reactivated"):
            return _(
                "Enrollment in “%(course)s” made active again from a bulk file"
            ) % {"course": _course(log_entry)}
        return _("Enrolled in “%(course)s” from a bulk file") % {
            "course": _course(log_entry)
        }


class InviteLogFormatter(LogFormatter):
    label = gettext_lazy("Invite from a bulk file")

    def format_message(self, log_entry):
        return _("Invited to “%(course)s” from a bulk file") % {
            "course": _course(log_entry)
        }


class InvitationAcceptLogFormatter(LogFormatter):
    label = gettext_lazy("Accept an invitation")

    def format_message(self, log_entry):
        return _("Enrolled in “%(course)s” by accepting an invitation") % {
            "course": _course(log_entry)
        }


def bulk_enroll_log_actions_register(actions) -> None:
    """Readable messages for the audit log entries bulk enrollment writes."""
    actions.register_action(ACTION_BULK_ENROLL)(BulkEnrollLogFormatter)
    actions.register_action(ACTION_INVITE)(InviteLogFormatter)
    actions.register_action(ACTION_INVITATION_ACCEPT)(InvitationAcceptLogFormatter)
