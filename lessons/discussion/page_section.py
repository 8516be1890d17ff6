"""The discussion under a lesson or quiz page, as its template shows it."""

from __future__ import annotations

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
            thread.reply_form = ReplyForm(
                initial={"parent": thread.post.pk},
                auto_id=f"reply-{thread.post.pk}-%s",
            )
    return {
        "access": access,
        "threads": threads,
        "form": PostForm(auto_id="discussion-%s") if access.can_post else None,
        "post_url": reverse("discussion_post", args=[page.pk]),
    }
