"""The audit log of actions on a learner, kept in Wagtail's own log.

Each action is logged against the learner's ``User`` (a ``ModelLogEntry``),
so the learner's page lists them and Wagtail's site history report shows them
too. ``data`` always carries the ``reason``; the message reads as a sentence.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.log_actions import LogFormatter, log

ENROLL = "practicum.learner.enroll"
REVOKE = "practicum.learner.revoke"
RESTORE = "practicum.learner.restore"
RELEASE_ANCHOR = "practicum.learner.release_anchor"
VERIFICATION_RESEND = "practicum.learner.verification_resend"
DEACTIVATE = "practicum.learner.deactivate"
REACTIVATE = "practicum.learner.reactivate"


class LearnerActionFormatter(LogFormatter):
    """A message from a template filled with the entry's data, plus the reason."""

    template = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        try:
            message = str(self.template) % data
        except (KeyError, TypeError, ValueError):
            message = str(self.label)
        if data.get("reason"):
            return _("%(message)s Reason: %(reason)s") % {
                "message": message,
                "reason": data["reason"],
            }
        return message


def learner_log_action_register(actions, action: str, label, template) -> None:
    """Register ``action`` with Wagtail's log registry (from a
    ``register_log_actions`` hook): ``template`` is a sentence with
    ``%(name)s`` placeholders for the entry's data."""
    actions.register_action(action)(
        type(
            "LearnerActionFormatter",
            (LearnerActionFormatter,),
            {"label": label, "template": template},
        )
    )


def learner_log_actions_register(actions) -> None:
    """The actions ``courses`` takes on a learner."""
    for action, label, template in [
        (
            ENROLL,
            gettext_lazy("Learner: enroll by hand"),
            gettext_lazy("Enrolled by hand in %(course)s, free of charge."),
        ),
        (
            REVOKE,
            gettext_lazy("Learner: revoke enrollment"),
            gettext_lazy("Enrollment in %(course)s revoked."),
        ),
        (
            RESTORE,
            gettext_lazy("Learner: restore enrollment"),
            gettext_lazy("Enrollment in %(course)s restored."),
        ),
        (
            RELEASE_ANCHOR,
            gettext_lazy("Learner: change drip start"),
            gettext_lazy(
                "Drip schedule for %(course)s now counts from %(anchor)s "
                "(before: %(previous)s)."
            ),
        ),
        (
            VERIFICATION_RESEND,
            gettext_lazy("Learner: resend verification email"),
            gettext_lazy("Verification email sent again to %(email)s."),
        ),
        (
            DEACTIVATE,
            gettext_lazy("Learner: deactivate account"),
            gettext_lazy("Account deactivated and signed out everywhere."),
        ),
        (
            REACTIVATE,
            gettext_lazy("Learner: reactivate account"),
            gettext_lazy("Account reactivated."),
        ),
    ]:
        learner_log_action_register(actions, action, label, template)


def learner_action_log(*, learner, action: str, by, reason: str, **data):
    """Record that ``by`` did ``action`` to ``learner`` and why."""
    return log(
        instance=learner,
        action=action,
        user=by,
        data={"reason": reason, **{k: str(v) for k, v in data.items()}},
    )
