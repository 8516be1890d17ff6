"""Moderation of the discussion: hide, erase, restore, dismiss reports.

Only moderators (``lessons.moderate_post``: the Instructor and Assistant
groups, and superusers) may act; each action keeps the reason the author
reads. Called by the admin's actions (``lessons/discussion/admin/actions.py``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lessons.discussion.selectors import user_can_moderate
from lessons.discussion.services import DiscussionError, PostRefused
from lessons.models import Post


def _moderator_check(user) -> None:
    if not user_can_moderate(user):
        raise PostRefused(_("Only moderators can hide or restore posts."))


def _reason_clean(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DiscussionError(_("Give a reason: the author will see it."))
    return reason[:1000]


def post_hide(*, moderator, post: Post, reason: str) -> Post:
    """Hide a post from learners (its author sees it, with the reason)."""
    _moderator_check(moderator)
    reason = _reason_clean(reason)
    now = timezone.now()
    with transaction.atomic():
        post.hidden_at = now
        post.moderated_at = now
        post.moderated_by = moderator
        post.moderation_reason = reason
        post.save(
            update_fields=[
                "hidden_at",
                "moderated_at",
                "moderated_by",
                "moderation_reason",
            ]
        )
        post.reports.filter(resolved_at__isnull=True).update(resolved_at=now)
    return post


def post_erase(*, moderator, post: Post, reason: str) -> Post:
    """Erase a post's text for good and hide it (a real client named, say).

    The row stays, hidden, so its thread and the record of who erased it and
    why remain; the author sees the reason. Open reports close.
    """
    _moderator_check(moderator)
    reason = _reason_clean(reason)
    now = timezone.now()
    with transaction.atomic():
        post.source = ""
        post.html = ""
        post.hidden_at = post.hidden_at or now
        post.moderated_at = now
        post.moderated_by = moderator
        post.moderation_reason = reason
        post.save(
            update_fields=[
                "source",
                "html",
                "hidden_at",
                "moderated_at",
                "moderated_by",
                "moderation_reason",
            ]
        )
        post.reports.filter(resolved_at__isnull=True).update(resolved_at=now)
    return post


def post_restore(*, moderator, post: Post, reason: str) -> Post:
    """Show a hidden post again; the author sees why."""
    _moderator_check(moderator)
    reason = _reason_clean(reason)
    if not post.source and not post.is_deleted:
        raise DiscussionError(
            _("This post's text was erased; there is nothing to show.")
        )
    now = timezone.now()
    post.hidden_at = None
    post.moderated_at = now
    post.moderated_by = moderator
    post.moderation_reason = reason
    post.save(
        update_fields=["hidden_at", "moderated_at", "moderated_by", "moderation_reason"]
    )
    return post


def post_reports_dismiss(*, moderator, post: Post) -> int:
    """Close the open reports on a post that stays up; how many were closed."""
    _moderator_check(moderator)
    return post.reports.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
