"""Writes for the discussion: post, edit, delete, report, moderate, answer.

Every learner-written text goes through :func:`core.markdown.markdown_render`
(CommonMark, then bleach via ``core.sanitize``) on write; both the Markdown and
the clean HTML are stored. Notifications go out after commit as tasks.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.markdown import markdown_render
from lessons.discussion import tasks
from lessons.discussion.selectors import (
    DiscussionAccess,
    discussion_access,
    post_can_edit,
    user_can_moderate,
)
from lessons.models import AuthorRole, Post, PostKind, PostReport

INSTRUCTOR_GROUP = "Instructor"  # config.roles.INSTRUCTOR
ASSISTANT_GROUP = "Assistant"  # config.roles.ASSISTANT


class DiscussionError(Exception):
    """A discussion action that cannot be done; the message is for the person."""


class PostRefused(DiscussionError):
    pass


class PostRateLimited(DiscussionError):
    pass


def post_source_clean(source: str) -> str:
    """The Markdown as it will be stored: trimmed, checked for length."""
    source = (source or "").replace("\r\n", "\n").replace("\x00", "").strip()
    if not source:
        raise DiscussionError(_("Write something before posting."))
    limit = settings.DISCUSSION_POST_MAX_LENGTH
    if len(source) > limit:
        raise DiscussionError(
            _("A post can be at most %(limit)s characters; this one has %(count)s.")
            % {"limit": f"{limit:,}", "count": f"{len(source):,}"}
        )
    return source


def post_rate_check(*, user, now=None) -> None:
    """Refuse a learner's post beyond the rate (moderators are not limited)."""
    count, seconds = settings.DISCUSSION_POST_RATE
    now = now or timezone.now()
    recent = Post.objects.filter(
        author=user, created_at__gte=now - timedelta(seconds=seconds)
    ).count()
    if recent >= count:
        minutes = max(1, seconds // 60)
        raise PostRateLimited(
            ngettext(
                "You have posted %(count)s times in the last minute. Please "
                "wait a little before posting again.",
                "You have posted %(count)s times in the last %(minutes)s "
                "minutes. Please wait a few minutes before posting again.",
                minutes,
            )
            % {"count": recent, "minutes": minutes}
        )


def _author_role(user) -> str:
    names = set(user.groups.values_list("name", flat=True))
    if user.is_superuser or INSTRUCTOR_GROUP in names:
        return AuthorRole.INSTRUCTOR
    if ASSISTANT_GROUP in names:
        return AuthorRole.ASSISTANT
    return AuthorRole.STAFF


def post_create(
    *,
    user,
    page,
    source: str,
    kind: str = PostKind.COMMENT,
    parent: Post | None = None,
    access: DiscussionAccess | None = None,
) -> Post:
    """Post a question or comment under ``page``, or a reply to ``parent``.

    A moderator's reply to a question answers it (and tells the asker).
    """
    source = post_source_clean(source)
    access = access or discussion_access(user=user, page=page)
    if not access.can_post:
        raise PostRefused(access.why_not or _("You cannot post in this discussion."))
    if parent is not None:
        if parent.page_id != page.pk or parent.parent_id is not None:
            raise PostRefused(_("Replies go under a question or comment."))
        if parent.is_deleted or parent.is_hidden:
            raise PostRefused(_("This thread no longer takes replies."))
        kind = PostKind.REPLY
    elif kind not in (PostKind.QUESTION, PostKind.COMMENT):
        raise DiscussionError(_("Choose whether this is a question or a comment."))
    if not access.can_moderate:
        post_rate_check(user=user)
    role = _author_role(user) if access.can_moderate else AuthorRole.LEARNER
    with transaction.atomic():
        post = Post.objects.create(
            page_id=page.pk,
            course=access.course,
            parent=parent,
            author=user,
            author_role=role,
            kind=kind,
            source=source,
            html=markdown_render(source),
        )
        answers = (
            parent is not None
            and parent.kind == PostKind.QUESTION
            and role != AuthorRole.LEARNER
        )
        if answers:
            Post.objects.filter(pk=parent.pk, answered_at__isnull=True).update(
                answered_at=post.created_at
            )
        transaction.on_commit(lambda: _notify_new(post, answers=answers))
    return post


def _notify_new(post: Post, *, answers: bool) -> None:
    if post.kind == PostKind.QUESTION:
        tasks.question_posted_send.enqueue(post.pk)
    elif post.parent_id is not None:
        if answers:
            tasks.question_answered_send.enqueue(post.pk)
        else:
            tasks.reply_posted_send.enqueue(post.pk)


def post_edit(*, user, post: Post, source: str, now=None) -> Post:
    """The author edits within the window; the new text is sanitized again."""
    now = now or timezone.now()
    if not post_can_edit(user=user, post=post, now=now):
        raise PostRefused(
            _(
                "Posts can be edited by their author for %(minutes)s minutes "
                "after posting."
            )
            % {"minutes": settings.DISCUSSION_EDIT_MINUTES}
        )
    post.source = post_source_clean(source)
    post.html = markdown_render(post.source)
    post.edited_at = now
    post.save(update_fields=["source", "html", "edited_at"])
    return post


def post_delete(*, user, post: Post) -> Post:
    """The author deletes their post: its text is erased, replies stay.

    The text goes for good (a learner who deletes may have slipped a client's
    details); the row stays so a thread keeps its replies.
    """
    if post.author_id != user.pk:
        raise PostRefused(_("Only its author can delete a post."))
    if post.is_deleted:
        return post
    post.deleted_at = timezone.now()
    post.source = ""
    post.html = ""
    post.save(update_fields=["deleted_at", "source", "html"])
    return post


def post_report(*, user, post: Post, reason: str) -> PostReport:
    """A reader reports someone else's post; the moderators' queue shows it."""
    reason = (reason or "").strip()
    if not reason:
        raise DiscussionError(_("Say briefly what is wrong with this post."))
    if len(reason) > 1000:
        raise DiscussionError(_("Keep the reason under 1,000 characters."))
    if post.author_id == user.pk:
        raise PostRefused(_("You cannot report your own post."))
    access = discussion_access(user=user, page=post.page)
    if not access.can_read or post.is_deleted or post.is_hidden:
        raise PostRefused(_("This post cannot be reported."))
    try:
        with transaction.atomic():
            return PostReport.objects.create(post=post, reporter=user, reason=reason)
    except IntegrityError:
        raise DiscussionError(
            _("You have already reported this post; a moderator will look at it.")
        ) from None


def question_answered_mark(*, user, post: Post, answered: bool = True) -> Post:
    """The asker or a moderator marks a question answered (or not)."""
    if post.kind != PostKind.QUESTION:
        raise DiscussionError(_("Only questions are marked answered."))
    if post.author_id != user.pk and not user_can_moderate(user):
        raise PostRefused(_("Only the asker or a moderator can mark this."))
    post.answered_at = timezone.now() if answered else None
    post.save(update_fields=["answered_at"])
    return post
