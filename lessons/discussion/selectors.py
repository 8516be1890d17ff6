"""Reads for the discussion: who may read or post, and a page's threads.

Who may read a page's discussion: staff (admin access), and enrolled, active
learners who may open the item itself (for a quiz: once they have finished an
attempt). Visitors, learners of other courses, revoked or refunded learners
see nothing, free preview or not. Who may post: those readers, except staff
without the moderation permission (they read only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.access import AccessDecision, Reason, item_access, user_is_editor
from courses.models import CoursePage
from lessons.discussion.posts_cache import page_posts
from lessons.models import Post, PostKind, QuizPage
from lessons.selectors import quiz_standing

MODERATE = "lessons.moderate_post"


@dataclass(frozen=True)
class DiscussionAccess:
    can_read: bool = False
    can_post: bool = False
    can_moderate: bool = False
    course: CoursePage | None = None
    # Why a signed-in reader cannot take part yet (shown instead of the form).
    why_not: str = ""


NONE = DiscussionAccess()


def user_can_moderate(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_perm(MODERATE))


def discussion_access(
    *, user, page, decision: AccessDecision | None = None
) -> DiscussionAccess:
    """What ``user`` may do in the discussion under ``page`` (a lesson or quiz)."""
    if not user.is_authenticated or not user.is_active:
        return NONE
    if decision is None:
        decision = item_access(user=user, page=page)
    if decision.reason == Reason.UNPUBLISHED or decision.course is None:
        return NONE
    moderator = user_can_moderate(user)
    if moderator or user_is_editor(user):
        return DiscussionAccess(
            can_read=True,
            can_post=moderator,
            can_moderate=moderator,
            course=decision.course,
        )
    if not decision.allowed or decision.state is None or not decision.state.is_enrolled:
        return NONE
    if _is_quiz(page) and not _quiz_finished(user=user, page=page):
        return DiscussionAccess(
            course=decision.course,
            why_not=str(
                _("The discussion of this quiz opens once you finish an attempt.")
            ),
        )
    return DiscussionAccess(can_read=True, can_post=True, course=decision.course)


def _is_quiz(page) -> bool:
    return isinstance(page, QuizPage) or page.specific_class is QuizPage


def _quiz_finished(*, user, page) -> bool:
    """Whether ``user`` submitted an attempt (read through their cache)."""
    quiz = page if isinstance(page, QuizPage) else page.specific
    return bool(quiz_standing(user=user, quiz=quiz).submitted)


def post_editable_until(post: Post):
    return post.created_at + timedelta(minutes=settings.DISCUSSION_EDIT_MINUTES)


def post_can_edit(*, user, post: Post, now=None) -> bool:
    """The author, within the edit window, of a post still shown."""
    now = now or timezone.now()
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and not post.is_deleted
        and not post.is_hidden
        and now <= post_editable_until(post)
    )


@dataclass
class Thread:
    """A question or comment and its replies, as one reader may see them."""

    post: Post
    replies: list[Post] = field(default_factory=list)


def page_threads(*, user, page, access: DiscussionAccess, now=None) -> list[Thread]:
    """The threads under ``page`` for ``user``: newest thread first.

    One query whatever the number of threads, none while the posts are
    cached (``posts_cache``). Hidden posts show to moderators
    and to their author (with the moderator's reason), to nobody else. A
    deleted thread stays as a placeholder while it has replies to show.
    Each post gets the reader's flags (``viewer_can_edit``, …) for the template.
    """
    if not access.can_read:
        return []
    now = now or timezone.now()
    posts = page_posts(page.pk)
    threads: dict[int, Thread] = {}
    for post in posts:
        if post.parent_id is None:
            threads[post.pk] = Thread(post)
    for post in posts:
        _flags(post, user=user, access=access, now=now)
        if (
            post.parent_id in threads
            and not post.is_deleted
            and _shown(post, user=user, access=access)
        ):
            threads[post.parent_id].replies.append(post)
    shown = [
        thread
        for thread in threads.values()
        if _shown(thread.post, user=user, access=access)
        and (not thread.post.is_deleted or thread.replies)
    ]
    shown.reverse()
    return shown


def _shown(post: Post, *, user, access: DiscussionAccess) -> bool:
    if post.is_hidden:
        return access.can_moderate or post.author_id == user.pk
    return True


def _flags(post: Post, *, user, access: DiscussionAccess, now) -> None:
    mine = post.author_id == user.pk
    live = not post.is_deleted and not post.is_hidden
    post.viewer_is_author = mine
    post.viewer_can_edit = post_can_edit(user=user, post=post, now=now)
    post.viewer_can_delete = mine and not post.is_deleted
    post.viewer_can_report = access.can_post and not mine and live
    post.viewer_can_reply = access.can_post and post.parent_id is None and live
    post.viewer_can_mark_answered = (
        post.kind == PostKind.QUESTION and live and (mine or access.can_moderate)
    )
