"""The discussion under a lesson or quiz page, as its template shows it."""

from __future__ import annotations

from functools import lru_cache

from django.urls import reverse

from lessons.discussion.forms import PostForm, ReplyForm
from lessons.discussion.selectors import discussion_access, page_threads


def discussion_section(request, *, page) -> dict | None:
    """What ``templates/lessons/discussion/section.html`` needs, or None.

    None (nothing shown, not even a heading) for visitors, editors' previews
    and anyone with no part in this discussion. A reader who may not take
    part yet (a quiz not finished) gets ``access.why_not`` and no posts.
    The same number of queries whatever the number of threads.
    """
    if getattr(request, "is_preview", False) or not request.user.is_authenticated:
        return None
    access = discussion_access(
        user=request.user,
        page=page,
        decision=getattr(request, "access_decision", None),
    )
    if not access.can_read and not access.why_not:
        return None
    threads = page_threads(user=request.user, page=page, access=access)
    for thread in threads:
        if thread.post.viewer_can_reply:
            thread.reply_form = _empty_reply_form(thread.post.pk)
    return {
        "access": access,
        "threads": threads,
        "form": _empty_post_form() if access.can_post else None,
        "post_url": reverse("discussion_post", args=[page.pk]),
    }


# Empty forms are only drawn (once per process: core/templatetags/form_cache.py)
# and never bound or changed, so one instance serves every request; building a
# form copies all its fields, which cost more than the rest of the section.
@lru_cache(maxsize=1)
def _empty_post_form() -> PostForm:
    return PostForm(auto_id="discussion-%s")


@lru_cache(maxsize=1024)
def _empty_reply_form(parent_id: int) -> ReplyForm:
    return ReplyForm(initial={"parent": parent_id}, auto_id=f"reply-{parent_id}-%s")
