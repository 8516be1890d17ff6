"""The actions on a post, from its admin page: hide, erase, restore, dismiss
the reports, answer, mark answered.

Each is a POST (CSRF-checked by Django) that checks the moderation
permission, validates a small form, calls one service, records the action on
the post in Wagtail's log in the same transaction, and says what happened.
A refused form re-renders the post's page with the errors in place.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.admin_pages import admin_action
from courses.record_display import excerpt
from lessons.discussion import moderation, services
from lessons.discussion.admin import audit
from lessons.discussion.admin.forms import (
    AnswerForm,
    EraseForm,
    HideForm,
    MarkAnsweredForm,
    RestoreForm,
)
from lessons.discussion.admin.selectors import post_plain_text
from lessons.discussion.admin.views import VIEW, PostInspectView
from lessons.discussion.selectors import user_can_moderate
from lessons.models import Post


def post_action(view):
    """An action on a post, for moderators only: POST only, refused with a
    plain 403 (``core.admin_pages.admin_action``); an unknown post is a 404."""

    @admin_action
    @wraps(view)
    def wrapper(request, pk: int):
        if not (request.user.has_perm(VIEW) and user_can_moderate(request.user)):
            raise PermissionDenied
        post = (
            Post.objects.select_related("page", "course", "author__profile")
            .filter(pk=pk)
            .first()
        )
        if post is None:
            raise Http404
        return view(request, post)

    return wrapper


def _inspect_url(post: Post) -> str:
    return reverse("discussion_posts:inspect", args=[post.pk])


def _with_errors(request, post: Post, form):
    """The post's page again, ``form`` (bound, refused) in place."""
    return PostInspectView.with_errors(
        request,
        pk=post.pk,
        form=form,
        message=_("Nothing was done. Please correct the errors below."),
    )


def _page_title(post: Post) -> str:
    return post.page.title


def _moderate_with_reason(request, post, *, form, service, action, done, unchanged=""):
    """Hide, erase or restore: a reason the author will read, one service call
    logged in the same transaction, then what happened (or why nothing did)."""
    if not form.is_valid():
        return _with_errors(request, post, form)
    if unchanged:
        messages.info(request, unchanged)
        return redirect(_inspect_url(post))
    reason = form.cleaned_data["reason"]
    try:
        with transaction.atomic():
            service(moderator=request.user, post=post, reason=reason)
            audit.post_action_log(
                post=post,
                action=action,
                by=request.user,
                reason=reason,
                page=_page_title(post),
            )
    except services.DiscussionError as error:
        messages.error(request, str(error))
        return redirect(_inspect_url(post))
    names = {"name": post.author_name, "page": _page_title(post)}
    messages.success(request, done % names)
    return redirect(_inspect_url(post))


@post_action
def hide_view(request, post: Post):
    return _moderate_with_reason(
        request,
        post,
        form=HideForm(request.POST, prefix="hide"),
        service=moderation.post_hide,
        action=audit.HIDE,
        unchanged=post.is_hidden
        and _("This post was already hidden; nothing changed."),
        done=_(
            "The post by %(name)s is hidden from learners under “%(page)s”. "
            "%(name)s sees it with your reason; its open reports are closed."
        ),
    )


@post_action
def erase_view(request, post: Post):
    return _moderate_with_reason(
        request,
        post,
        form=EraseForm(request.POST, prefix="erase"),
        service=moderation.post_erase,
        action=audit.ERASE,
        done=_(
            "The text of the post by %(name)s is erased for good and the post is "
            "hidden under “%(page)s”. %(name)s sees your reason."
        ),
    )


@post_action
def restore_view(request, post: Post):
    return _moderate_with_reason(
        request,
        post,
        form=RestoreForm(request.POST, prefix="restore"),
        service=moderation.post_restore,
        action=audit.RESTORE,
        unchanged=not post.is_hidden
        and _("This post was not hidden; nothing changed."),
        done=_("The post by %(name)s is shown again under “%(page)s”."),
    )


@post_action
def dismiss_view(request, post: Post):
    with transaction.atomic():
        count = moderation.post_reports_dismiss(moderator=request.user, post=post)
        if count:
            audit.post_action_log(
                post=post,
                action=audit.DISMISS,
                by=request.user,
                count=count,
                page=_page_title(post),
            )
    if count:
        messages.success(
            request,
            _("%(count)s report(s) dismissed; the post by %(name)s stays up.")
            % {"count": count, "name": post.author_name},
        )
    else:
        messages.info(request, _("This post had no open reports; nothing changed."))
    return redirect(_inspect_url(post))


@post_action
def answer_view(request, post: Post):
    form = AnswerForm(request.POST, prefix="answer")
    if not form.is_valid():
        return _with_errors(request, post, form)
    root = post.parent if post.parent_id else post
    try:
        with transaction.atomic():
            reply = services.post_create(
                user=request.user,
                page=root.page,
                source=form.cleaned_data["source"],
                parent=root,
            )
            audit.post_action_log(
                post=root,
                action=audit.ANSWER,
                by=request.user,
                page=_page_title(root),
                excerpt=excerpt(post_plain_text(reply), 80),
            )
    except services.DiscussionError as error:
        form.add_error("source", str(error))
        return _with_errors(request, post, form)
    if root.is_question:
        message = _(
            "Your answer is posted under “%(page)s” and the question is marked "
            "answered. %(name)s gets an email (unless they turned such emails off)."
        )
    else:
        message = _(
            "Your reply is posted under “%(page)s”. %(name)s gets an email "
            "(unless they turned such emails off)."
        )
    messages.success(
        request, message % {"page": _page_title(root), "name": root.author_name}
    )
    return redirect(_inspect_url(post))


@post_action
def mark_answered_view(request, post: Post):
    form = MarkAnsweredForm(request.POST, prefix="mark")
    if not form.is_valid():
        return _with_errors(request, post, form)
    answered = form.cleaned_data["answered"]
    try:
        with transaction.atomic():
            services.question_answered_mark(
                user=request.user, post=post, answered=answered
            )
            audit.post_action_log(
                post=post,
                action=audit.MARK_ANSWERED if answered else audit.MARK_UNANSWERED,
                by=request.user,
                page=_page_title(post),
            )
    except services.DiscussionError as error:
        messages.error(request, str(error))
        return redirect(_inspect_url(post))
    if answered:
        message = _("The question by %(name)s is marked answered.")
    else:
        message = _(
            "The question by %(name)s is marked not answered; it is back in the "
            "unanswered list."
        )
    messages.success(request, message % {"name": post.author_name})
    return redirect(_inspect_url(post))
