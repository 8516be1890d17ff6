"""Reads for the moderation screens, each a fixed number of queries.

The listings annotate the count of open reports and join the author (with
profile), the page and the course, so a page of 3 posts costs what a page of
50 does.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import ModelLogEntry

from lessons.models import Post, PostKind, PostReport

RECENT_DAYS = 14


def recent_since(now=None):
    """The start of "recent" in the queue: the last ``RECENT_DAYS`` days."""
    return (now or timezone.now()) - timedelta(days=RECENT_DAYS)


def posts_for_moderation() -> QuerySet[Post]:
    """Every post, with ``open_reports`` (reports not yet resolved)."""
    return Post.objects.select_related("author__profile", "page", "course").annotate(
        open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True))
    )


def questions_unanswered() -> QuerySet[Post]:
    """Questions still shown to learners that no one has answered, oldest first."""
    return (
        Post.objects.filter(
            kind=PostKind.QUESTION,
            answered_at__isnull=True,
            deleted_at__isnull=True,
            hidden_at__isnull=True,
        )
        .select_related("author__profile", "page", "course")
        .annotate(
            reply_count=Count("replies", filter=Q(replies__deleted_at__isnull=True))
        )
        .order_by("created_at", "pk")
    )


def questions_unanswered_count() -> int:
    return questions_unanswered().order_by().values("pk").count()


def post_plain_text(post: Post) -> str:
    """The post's text without markup, as a reader sees it (never the raw HTML)."""
    return " ".join(html.unescape(strip_tags(post.html or "")).split())


@dataclass
class PostRecord:
    """Everything the post's admin page shows about it."""

    post: Post
    thread: list[Post]  # the question or comment first, then its replies
    reports: list[PostReport]
    history: list[ModelLogEntry]

    @property
    def root(self) -> Post:
        return self.thread[0]

    @property
    def open_reports(self) -> list[PostReport]:
        return [report for report in self.reports if report.resolved_at is None]


def post_record(*, pk: int) -> PostRecord:
    """A post, its whole thread, its reports and the log of actions on it."""
    post = Post.objects.select_related(
        "author__profile", "page", "course", "moderated_by", "parent"
    ).get(pk=pk)
    root_pk = post.parent_id or post.pk
    thread = list(
        Post.objects.filter(Q(pk=root_pk) | Q(parent_id=root_pk))
        .select_related("author__profile", "moderated_by")
        .order_by("created_at", "pk")
    )
    thread.sort(key=lambda p: p.pk != root_pk)  # the thread's first post first
    reports = list(
        PostReport.objects.filter(post=post)
        .select_related("reporter__profile")
        .order_by("-created_at", "-pk")
    )
    history = list(
        ModelLogEntry.objects.for_instance(post)
        .select_related("user")
        .order_by("-timestamp", "-id")[:50]
    )
    return PostRecord(post=post, thread=thread, reports=reports, history=history)


def posts_of_author(*, user, limit: int = 20) -> list[Post]:
    """A learner's latest posts, for their page in the admin."""
    return list(
        posts_for_moderation().filter(author=user).order_by("-created_at")[:limit]
    )
