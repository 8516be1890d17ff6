"""Discussion emails, sent after commit as tasks.

The emails say who wrote and where, and link to the post: they never carry
the text itself (a post can be edited, deleted or hidden after the email has
left, and the reader must be signed in and enrolled to read it).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.tasks import task
from django.urls import reverse

from core.mail import mail_send
from core.site_url import site_url
from lessons.models import Post

INSTRUCTOR_GROUP = "Instructor"  # config.roles.INSTRUCTOR


def _post(post_id: int) -> Post:
    return Post.objects.select_related(
        "author__profile", "parent__author", "page", "course"
    ).get(pk=post_id)


def _context(post: Post) -> dict:
    return {
        "post": post,
        "author_name": post.author_name,
        "page_title": post.page.title,
        "course_title": post.course.title,
        "post_url": site_url(f"{post.page.url}#post-{post.pk}"),
        "preferences_url": site_url(reverse("profile_edit")),
    }


@task()
def question_posted_send(post_id: int) -> None:
    """Tell each instructor (and administrator) who wants it of a new question."""
    post = _post(post_id)
    users = get_user_model().objects.filter(
        is_active=True, discussion_question_notifications=True
    )
    users = users.filter(Q(is_superuser=True) | Q(groups__name=INSTRUCTOR_GROUP))
    users = users.exclude(pk=post.author_id).distinct().order_by("email")
    context = {
        **_context(post),
        "queue_url": site_url(reverse("discussion_unanswered:index")),
    }
    for email in users.values_list("email", flat=True):
        mail_send("lessons/email/question_posted", to=[email], context=context)


def _thread_author_send(post: Post, prefix: str, wants: str) -> None:
    thread = post.parent
    asker = thread.author if thread else None
    if (
        asker is None
        or not asker.is_active
        or asker.pk == post.author_id
        or not getattr(asker, wants)
    ):
        return
    mail_send(prefix, to=[asker.email], context=_context(post))


@task()
def question_answered_send(post_id: int) -> None:
    """Tell the asker that staff answered their question."""
    _thread_author_send(
        _post(post_id),
        "lessons/email/question_answered",
        "discussion_answer_notifications",
    )


@task()
def reply_posted_send(post_id: int) -> None:
    """Tell a thread's author that someone replied."""
    _thread_author_send(
        _post(post_id), "lessons/email/reply_posted", "discussion_reply_notifications"
    )
