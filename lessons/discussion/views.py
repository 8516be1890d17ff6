"""The learner's discussion views: post (with preview), edit, delete, report,
mark answered.

Each view decides who may see it: anyone who may not read the discussion of
the post's lesson or quiz gets 404, so a post is never revealed. Then it
calls one service and goes back to the post on the lesson page with a
message saying what happened. Previews, errors, the rate limit and the
confidentiality warning come back on a page of their own, the text kept,
so everything works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Page

from core.markdown import markdown_render
from lessons.discussion.forms import EditForm, PostForm, ReplyForm, ReportForm
from lessons.discussion.identifiers import identifiers_found
from lessons.discussion.selectors import discussion_access, post_can_edit
from lessons.discussion.services import (
    DiscussionError,
    post_create,
    post_delete,
    post_edit,
    post_report,
    post_source_clean,
    question_answered_mark,
)
from lessons.models import LessonPage, Post, PostKind, QuizPage

private = cache_control(private=True, no_store=True)


def _page_or_404(page_id: int):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not isinstance(page, (LessonPage, QuizPage)):
        raise Http404
    return page


def _access_or_404(request, page):
    access = discussion_access(user=request.user, page=page)
    if not access.can_read:
        raise Http404
    return access


def _post_or_404(request, post_id: int):
    """A post the user may see, its page and the user's access; else 404."""
    post = get_object_or_404(Post.objects.select_related("author__profile"), pk=post_id)
    page = _page_or_404(post.page_id)
    access = _access_or_404(request, page)
    mine = post.author_id == request.user.pk
    if post.is_deleted or (post.is_hidden and not (mine or access.can_moderate)):
        raise Http404
    return post, page, access


def _at(page, post) -> str:
    return f"{page.url}#post-{post.pk}"


def _compose(request, *, page, form, heading, action, submit, preview=None, found=()):
    return TemplateResponse(
        request,
        "lessons/discussion/compose.html",
        {
            "page": page,
            "form": form,
            "heading": heading,
            "action": action,
            "submit_label": submit,
            "preview": preview,
            "found": list(found),
        },
    )


def _compose_flow(request, *, page, form, heading, action, submit, save, done):
    """Preview, warn, or save with ``save(source)`` and say ``done``.

    The compose page comes back (text kept) for a preview, a form error, a
    refusal or the rate limit, and when the text looks as if it names a real
    client and the learner has not confirmed that it does not.
    """
    again = {"page": page, "form": form, "heading": heading}
    again.update(action=action, submit=submit)
    if not form.is_valid():
        return _compose(request, **again)
    try:
        source = post_source_clean(form.cleaned_data["source"])
    except DiscussionError as error:
        form.add_error("source", str(error))
        return _compose(request, **again)
    found = identifiers_found(source)
    preview = Post(html=markdown_render(source))  # never saved
    if request.POST.get("action") == "preview" or (
        found and not form.cleaned_data["confirm"]
    ):
        return _compose(request, **again, preview=preview, found=found)
    try:
        post = save(source)
    except DiscussionError as error:
        form.add_error(None, str(error))
        return _compose(request, **again, preview=preview)
    messages.success(request, done(post))
    return redirect(_at(page, post))


def _posted_message(post) -> str:
    if post.kind == PostKind.QUESTION:
        return _("Your question has been posted.")
    if post.kind == PostKind.REPLY:
        return _("Your reply has been posted.")
    return _("Your comment has been posted.")


@login_required
@require_POST
@private
def discussion_post(request, page_id: int):
    """A new question or comment, or (with ``parent``) a reply."""
    page = _page_or_404(page_id)
    access = _access_or_404(request, page)
    if not access.can_post:
        raise Http404
    parent = None
    if "parent" in request.POST:
        form = ReplyForm(request.POST)
        parent_id = request.POST.get("parent", "")
        if not (parent_id.isdigit() and len(parent_id) < 10):
            raise Http404
        parent = get_object_or_404(Post, pk=int(parent_id), page_id=page.pk)
        if parent.is_hidden and not (
            access.can_moderate or parent.author_id == request.user.pk
        ):
            raise Http404
        heading = _("Reply to %(name)s") % {"name": parent.author_name}
    else:
        form = PostForm(request.POST)
        heading = _("Ask a question or add a comment")

    def save(source):
        kind = form.cleaned_data.get("kind") or PostKind.COMMENT
        return post_create(
            user=request.user,
            page=page,
            source=source,
            kind=kind,
            parent=parent,
            access=access,
        )

    return _compose_flow(
        request,
        page=page,
        form=form,
        heading=heading,
        action=reverse("discussion_post", args=[page.pk]),
        submit=_("Post"),
        save=save,
        done=_posted_message,
    )


@login_required
@require_http_methods(["GET", "POST"])
@private
def discussion_post_edit(request, post_id: int):
    """The author changes their post within the edit window."""
    post, page, _access = _post_or_404(request, post_id)
    if post.author_id != request.user.pk:
        raise Http404
    if not post_can_edit(user=request.user, post=post):
        messages.error(
            request, _("This post can no longer be edited: the time for edits is over.")
        )
        return redirect(_at(page, post))
    form_args = (request.POST,) if request.method == "POST" else ()
    form = EditForm(*form_args, initial={"source": post.source})
    flow = {
        "page": page,
        "form": form,
        "heading": _("Edit your post"),
        "action": reverse("discussion_post_edit", args=[post.pk]),
        "submit": _("Save changes"),
    }
    if request.method == "GET":
        return _compose(request, **flow)
    return _compose_flow(
        request,
        **flow,
        save=lambda source: post_edit(user=request.user, post=post, source=source),
        done=lambda post: _("Your post has been changed."),
    )


@login_required
@require_http_methods(["GET", "POST"])
@private
def discussion_post_delete(request, post_id: int):
    """GET asks to confirm; POST deletes the author's post (replies stay)."""
    post, page, _access = _post_or_404(request, post_id)
    if post.author_id != request.user.pk:
        raise Http404
    if request.method == "GET":
        return TemplateResponse(
            request, "lessons/discussion/delete.html", {"page": page, "post": post}
        )
    post_delete(user=request.user, post=post)
    messages.success(request, _("Your post has been deleted."))
    return redirect(f"{page.url}#discussion")


@login_required
@require_http_methods(["GET", "POST"])
@private
def discussion_post_report(request, post_id: int):
    """A reader tells the moderators what is wrong with someone's post."""
    post, page, _access = _post_or_404(request, post_id)
    if post.author_id == request.user.pk:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post_report(
                user=request.user, post=post, reason=form.cleaned_data["reason"]
            )
        except DiscussionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Thank you. The moderators have your report and will look at it."),
            )
            return redirect(_at(page, post))
    return TemplateResponse(
        request,
        "lessons/discussion/report.html",
        {"page": page, "post": post, "form": form},
    )


@login_required
@require_POST
@private
def discussion_question_answered(request, post_id: int):
    """The asker or a moderator marks a question answered, or not answered."""
    post, page, _access = _post_or_404(request, post_id)
    answered = request.POST.get("answered") != "0"
    try:
        question_answered_mark(user=request.user, post=post, answered=answered)
    except DiscussionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The question is marked answered.")
            if answered
            else _("The question is marked not answered."),
        )
    return redirect(_at(page, post))
