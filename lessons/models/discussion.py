"""Lesson discussion: threads of posts under a lesson or quiz, and reports.

A thread is a question or a comment; replies hang one level below it. Posts
keep the learner's Markdown (``source``) and the sanitized HTML made from it
on write (``html``); templates print only ``html``. Nothing here is indexed
for search or exposed through an API.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class PostKind(models.TextChoices):
    QUESTION = "question", _("Question")
    COMMENT = "comment", _("Comment")
    REPLY = "reply", _("Reply")


class AuthorRole(models.TextChoices):
    LEARNER = "learner", _("Learner")
    INSTRUCTOR = "instructor", _("Instructor")
    ASSISTANT = "assistant", _("Assistant")
    STAFF = "staff", _("Staff")


class Post(models.Model):
    """A question, comment or reply under a lesson or quiz."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("lesson or quiz"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("course"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="posts",
        verbose_name=_("author"),
    )
    author_role = models.CharField(
        _("written as"),
        max_length=16,
        choices=AuthorRole.choices,
        default=AuthorRole.LEARNER,
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=PostKind.choices, default=PostKind.COMMENT
    )
    source = models.TextField(_("text as written (Markdown)"), blank=True)
    html = models.TextField(_("text as shown (sanitized HTML)"), blank=True)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted by its author"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderation_reason = models.TextField(
        _("moderator's reason (shown to the author)"), blank=True
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("discussion post")
        verbose_name_plural = _("discussion posts")
        permissions = [
            ("moderate_post", _("Can answer, hide and restore discussion posts")),
        ]
        indexes = [
            models.Index(fields=["page", "created_at"], name="post_page_created"),
            models.Index(
                fields=["created_at"],
                condition=Q(kind="question", answered_at__isnull=True),
                name="post_unanswered",
            ),
        ]

    def __str__(self) -> str:
        return str(
            _("%(kind)s by %(name)s")
            % {
                "kind": self.get_kind_display(),
                "name": self.author_name,
            }
        )

    @property
    def author_name(self) -> str:
        return self.author.public_name if self.author else str(_("Former learner"))

    @property
    def is_staff_post(self) -> bool:
        return self.author_role != AuthorRole.LEARNER

    @property
    def is_question(self) -> bool:
        return self.kind == PostKind.QUESTION

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class PostReport(models.Model):
    """A learner's report that a post breaks the rules, with their reason."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("post")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="report_once_per_post"
            )
        ]

    def __str__(self) -> str:
        return str(_("Report on %(post)s") % {"post": self.post})
