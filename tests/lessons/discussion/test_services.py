"""The discussion's writes: edit window, delete, report, hide, limits, answers,
and the emails they send after commit."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import mail

import pytest
import time_machine

from config.roles import ASSISTANT, INSTRUCTOR
from courses.models import EnrollmentSource
from courses.services import enrollment_grant
from lessons.discussion.moderation import post_hide, post_restore
from lessons.discussion.selectors import discussion_access, page_threads
from lessons.discussion.services import (
    DiscussionError,
    PostRateLimited,
    PostRefused,
    post_create,
    post_delete,
    post_edit,
    post_report,
    question_answered_mark,
)
from lessons.models import AuthorRole, Post, PostKind, PostReport
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker(enrolled_learner):
    return enrolled_learner


@pytest.fixture
def peer(course):
    user = UserFactory(email="peer@example.com", first_name="Sam", last_name="Peer")
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


def _staff(email, group):
    user = UserFactory(email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def teacher(db):
    return _staff("teacher@example.com", INSTRUCTOR)


@pytest.fixture
def assistant(db):
    return _staff("assistant@example.com", ASSISTANT)


def _post(user, page, source="A post.", **kwargs):
    return post_create(user=user, page=page, source=source, **kwargs)


def _question(user, page):
    return _post(user, page, "How do I start?", kind=PostKind.QUESTION)


def _thread_ids(user, page):
    access = discussion_access(user=user, page=page)
    return [
        (t.post.pk, [r.pk for r in t.replies])
        for t in page_threads(user=user, page=page, access=access)
    ]


# Editing -----------------------------------------------------------------------


def test_the_author_edits_within_the_window_and_the_text_is_sanitized_again(
    lesson, asker
):
    post = _post(asker, lesson, "First try.")

    with time_machine.travel(post.created_at + timedelta(minutes=14)):
        post_edit(user=asker, post=post, source="Now <script>alert(1)</script>")

    post.refresh_from_db()
    assert post.edited_at is not None
    assert "<script" not in post.html
    assert "&lt;script&gt;" in post.html


def test_editing_after_the_window_is_refused(lesson, asker):
    post = _post(asker, lesson, "First try.")

    with (
        time_machine.travel(post.created_at + timedelta(minutes=16)),
        pytest.raises(PostRefused, match="15 minutes"),
    ):
        post_edit(user=asker, post=post, source="Too late.")

    post.refresh_from_db()
    assert post.source == "First try." and post.edited_at is None


def test_editing_someone_elses_post_is_refused(lesson, asker, peer):
    post = _post(asker, lesson, "Mine.")

    with pytest.raises(PostRefused):
        post_edit(user=peer, post=post, source="Now mine.")

    post.refresh_from_db()
    assert post.source == "Mine."


# Deleting ----------------------------------------------------------------------


def test_deleting_erases_the_text_keeps_replies_and_a_placeholder(lesson, asker, peer):
    thread = _post(asker, lesson, "Client J. Doe, case 2024-CR-1234.")
    reply = _post(peer, lesson, "Careful with names.", parent=thread)

    post_delete(user=asker, post=thread)

    thread.refresh_from_db()
    assert thread.is_deleted and thread.source == "" and thread.html == ""
    assert Post.objects.filter(pk=reply.pk, deleted_at__isnull=True).exists()
    assert _thread_ids(peer, lesson) == [(thread.pk, [reply.pk])]


def test_a_deleted_post_without_replies_leaves_nothing(lesson, asker, peer):
    thread = _post(asker, lesson)

    post_delete(user=asker, post=thread)

    assert _thread_ids(peer, lesson) == []


def test_deleting_someone_elses_post_is_refused(lesson, asker, peer):
    post = _post(asker, lesson, "Mine.")

    with pytest.raises(PostRefused):
        post_delete(user=peer, post=post)

    post.refresh_from_db()
    assert not post.is_deleted and post.source == "Mine."


# Reporting ---------------------------------------------------------------------


def test_a_reader_reports_someone_elses_post_once(lesson, asker, peer):
    post = _post(asker, lesson)

    post_report(user=peer, post=post, reason="Names a real client.")
    with pytest.raises(DiscussionError, match="already reported"):
        post_report(user=peer, post=post, reason="Again.")

    assert PostReport.objects.filter(post=post).count() == 1


def test_reporting_your_own_post_is_refused(lesson, asker):
    post = _post(asker, lesson)

    with pytest.raises(PostRefused):
        post_report(user=asker, post=post, reason="Oops.")

    assert not PostReport.objects.exists()


def test_an_outsider_cannot_report(lesson, asker, learner):
    post = _post(asker, lesson)

    with pytest.raises(PostRefused):
        post_report(user=learner, post=post, reason="I am not enrolled.")


# Hiding ------------------------------------------------------------------------


def test_a_hidden_post_is_gone_for_other_learners(lesson, asker, peer, teacher):
    hidden = _post(asker, lesson, "Identifying details.")
    kept = _post(peer, lesson, "Fine.")
    post_report(user=peer, post=hidden, reason="Names a client.")

    post_hide(moderator=teacher, post=hidden, reason="It named a client.")

    assert _thread_ids(peer, lesson) == [(kept.pk, [])]
    assert {pk for pk, _ in _thread_ids(teacher, lesson)} == {hidden.pk, kept.pk}
    assert {pk for pk, _ in _thread_ids(asker, lesson)} == {hidden.pk, kept.pk}
    assert not PostReport.objects.filter(resolved_at__isnull=True).exists()


def test_a_hidden_reply_is_gone_for_other_learners(lesson, asker, peer, teacher):
    thread = _post(peer, lesson)
    reply = _post(asker, lesson, "A reply to hide.", parent=thread)
    third = UserFactory(email="third@example.com")
    enrollment_grant(
        user=third,
        course=lesson.get_parent().get_parent().specific,
        source=EnrollmentSource.FREE,
    )

    post_hide(moderator=teacher, post=reply, reason="Off topic.")

    assert _thread_ids(third, lesson) == [(thread.pk, [])]
    assert _thread_ids(teacher, lesson) == [(thread.pk, [reply.pk])]
    assert _thread_ids(asker, lesson) == [(thread.pk, [reply.pk])]


def test_restoring_shows_the_post_again(lesson, asker, peer, teacher):
    post = _post(asker, lesson)
    post_hide(moderator=teacher, post=post, reason="Checking.")

    post_restore(moderator=teacher, post=post, reason="It was fine.")

    assert _thread_ids(peer, lesson) == [(post.pk, [])]


def test_learners_cannot_hide(lesson, asker, peer):
    post = _post(asker, lesson)

    with pytest.raises(PostRefused):
        post_hide(moderator=peer, post=post, reason="I do not like it.")

    post.refresh_from_db()
    assert not post.is_hidden


# Limits ------------------------------------------------------------------------


def test_posting_beyond_the_rate_is_refused_with_a_clear_message(
    settings, lesson, asker
):
    settings.DISCUSSION_POST_RATE = (3, 600)
    for n in range(3):
        _post(asker, lesson, f"Post {n}.")

    with pytest.raises(PostRateLimited) as refused:
        _post(asker, lesson, "One too many.")

    assert "3 times in the last 10 minutes" in str(refused.value)
    assert "wait" in str(refused.value)
    assert Post.objects.filter(author=asker).count() == 3


def test_the_rate_counts_only_recent_posts(settings, lesson, asker):
    settings.DISCUSSION_POST_RATE = (2, 600)
    with time_machine.travel("2026-01-01 09:00Z"):
        _post(asker, lesson, "Morning.")
        _post(asker, lesson, "Morning again.")

    with time_machine.travel("2026-01-01 09:11Z"):
        _post(asker, lesson, "Later.")

    assert Post.objects.filter(author=asker).count() == 3


def test_moderators_are_not_rate_limited(settings, lesson, teacher):
    settings.DISCUSSION_POST_RATE = (2, 600)

    for n in range(5):
        _post(teacher, lesson, f"Announcement {n}.")

    assert Post.objects.filter(author=teacher).count() == 5


def test_a_post_over_the_maximum_length_is_refused(settings, lesson, asker):
    limit = settings.DISCUSSION_POST_MAX_LENGTH

    _post(asker, lesson, "x" * limit)
    with pytest.raises(DiscussionError, match=f"at most {limit:,} characters"):
        _post(asker, lesson, "x" * (limit + 1))

    assert Post.objects.count() == 1


def test_a_blank_post_is_refused(lesson, asker):
    with pytest.raises(DiscussionError):
        _post(asker, lesson, " \n\x00 ")


# Answers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "role"),
    [("teacher", AuthorRole.INSTRUCTOR), ("assistant", AuthorRole.ASSISTANT)],
)
def test_a_staff_reply_answers_the_question(request, lesson, asker, who, role):
    staff = request.getfixturevalue(who)
    question = _question(asker, lesson)

    answer = _post(staff, lesson, "Start with the records.", parent=question)

    question.refresh_from_db()
    assert answer.author_role == role
    assert answer.kind == PostKind.REPLY
    assert question.answered_at == answer.created_at


def test_a_learners_reply_does_not_answer_the_question(lesson, asker, peer):
    question = _question(asker, lesson)

    reply = _post(peer, lesson, "Me too!", parent=question)

    question.refresh_from_db()
    assert reply.author_role == AuthorRole.LEARNER
    assert question.answered_at is None


def test_only_the_asker_or_a_moderator_marks_answered(lesson, asker, peer, teacher):
    question = _question(asker, lesson)

    with pytest.raises(PostRefused):
        question_answered_mark(user=peer, post=question)
    question_answered_mark(user=asker, post=question)

    question.refresh_from_db()
    assert question.answered_at is not None


def test_replies_stay_one_level_deep(lesson, asker, peer):
    thread = _post(asker, lesson)
    reply = _post(peer, lesson, "A reply.", parent=thread)

    with pytest.raises(PostRefused):
        _post(asker, lesson, "A reply to a reply.", parent=reply)


# Notifications -------------------------------------------------------------------


def test_a_reply_emails_the_threads_author_once_after_commit(
    lesson, asker, peer, django_capture_on_commit_callbacks
):
    thread = _post(asker, lesson)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _post(peer, lesson, "A reply.", parent=thread)
    assert mail.outbox == []  # nothing before commit
    for callback in callbacks:
        callback()

    assert [m.to for m in mail.outbox] == [[asker.email]]
    assert lesson.title in mail.outbox[0].subject
    assert "A reply." not in mail.outbox[0].body  # the text stays on the site


def test_an_answer_emails_the_asker_once(
    lesson, asker, teacher, django_capture_on_commit_callbacks
):
    question = _question(asker, lesson)

    with django_capture_on_commit_callbacks(execute=True):
        _post(teacher, lesson, "Here is how.", parent=question)

    assert [m.to for m in mail.outbox] == [[asker.email]]
    assert "has an answer" in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("replier", "preference"),
    [
        ("peer", "discussion_reply_notifications"),
        ("teacher", "discussion_answer_notifications"),
    ],
)
def test_no_email_when_the_preference_is_off(
    request, lesson, asker, replier, preference, django_capture_on_commit_callbacks
):
    setattr(asker, preference, False)
    asker.save(update_fields=[preference])
    question = _question(asker, lesson)

    with django_capture_on_commit_callbacks(execute=True):
        _post(request.getfixturevalue(replier), lesson, "Reply.", parent=question)

    assert mail.outbox == []


def test_no_email_to_the_author_themself(
    lesson, asker, django_capture_on_commit_callbacks
):
    thread = _post(asker, lesson)

    with django_capture_on_commit_callbacks(execute=True):
        _post(asker, lesson, "Adding a detail to my own post.", parent=thread)

    assert mail.outbox == []


def test_a_comment_emails_nobody(
    lesson, asker, teacher, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _post(asker, lesson, "Just sharing.", kind=PostKind.COMMENT)

    assert callbacks  # the hook ran, and decided to send nothing
    assert mail.outbox == []
