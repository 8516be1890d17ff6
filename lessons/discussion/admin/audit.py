"""Moderation in Wagtail's own log: each action is an entry on the post.

The entries show on the post's page and in Settings → Site history; each reads
as a sentence, with the moderator's reason where there is one.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from courses.learner_admin.audit import learner_log_action_register

HIDE = "practicum.discussion.hide"
RESTORE = "practicum.discussion.restore"
ERASE = "practicum.discussion.erase"
DISMISS = "practicum.discussion.dismiss"
ANSWER = "practicum.discussion.answer"
MARK_ANSWERED = "practicum.discussion.mark_answered"
MARK_UNANSWERED = "practicum.discussion.mark_unanswered"

ACTIONS = [
    (
        HIDE,
        _("Discussion: hide post"),
        _("Hidden from learners under %(page)s; its author sees the reason."),
    ),
    (
        ERASE,
        _("Discussion: erase post"),
        _("Text erased for good and the post hidden under %(page)s."),
    ),
    (
        RESTORE,
        _("Discussion: restore post"),
        _("Shown again under %(page)s."),
    ),
    (
        DISMISS,
        _("Discussion: dismiss reports"),
        _("%(count)s report(s) dismissed; the post stays up under %(page)s."),
    ),
    (
        ANSWER,
        _("Discussion: answer"),
        _("Answered under %(page)s: “%(excerpt)s”"),
    ),
    (
        MARK_ANSWERED,
        _("Discussion: mark answered"),
        _("Question under %(page)s marked answered."),
    ),
    (
        MARK_UNANSWERED,
        _("Discussion: mark not answered"),
        _("Question under %(page)s marked not answered."),
    ),
]


def discussion_log_actions_register(actions) -> None:
    """From a ``register_log_actions`` hook: a label and a sentence for each
    action (the learners' formatter: a template plus the reason)."""
    for action, label, template in ACTIONS:
        learner_log_action_register(actions, action, label, template)


def post_action_log(*, post, action: str, by, reason: str = "", **data):
    """Record that ``by`` did ``action`` to ``post`` (and why)."""
    return log(
        instance=post,
        action=action,
        user=by,
        data={"reason": reason, **{key: str(value) for key, value in data.items()}},
    )
