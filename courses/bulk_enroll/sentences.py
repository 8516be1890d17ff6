"""The sentences the bulk-enroll screens say: the plan, the button, the result."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.bulk_enroll import (
    Plan,
    Result,
)


def plan_summary(plan: Plan) -> str:
    """“12 rows: 7 will be enrolled, 3 invited, 2 need nothing.”"""
    if plan.file_problem:
        return ""
    total = len(plan.rows) + len(plan.problems)
    parts = [
        ngettext("%(count)s will be enrolled", "%(count)s will be enrolled", n)
        % {"count": n}
        for n in [plan.to_enroll]
        if n
    ]
    parts += [
        ngettext("%(count)s invited", "%(count)s invited", n) % {"count": n}
        for n in [plan.to_invite]
        if n
    ]
    parts += [
        ngettext("%(count)s needs nothing", "%(count)s need nothing", n) % {"count": n}
        for n in [plan.unchanged]
        if n
    ]
    parts += [
        ngettext("%(count)s has a problem", "%(count)s have a problem", n)
        % {"count": n}
        for n in [len(plan.problems)]
        if n
    ]
    head = ngettext("%(count)s row", "%(count)s rows", total) % {"count": total}
    return _("%(head)s: %(parts)s.") % {"head": head, "parts": ", ".join(parts)}


def apply_label(plan: Plan) -> str:
    """The confirm button: “Enroll 7 learners and invite 3”."""
    enroll, invite = plan.to_enroll, plan.to_invite
    enroll_text = ngettext(
        "Enroll %(count)s learner", "Enroll %(count)s learners", enroll
    ) % {"count": enroll}
    if not invite:
        return enroll_text
    if not enroll:
        return ngettext(
            "Invite %(count)s person", "Invite %(count)s people", invite
        ) % {"count": invite}
    return _("%(enroll)s and invite %(count)s") % {
        "enroll": enroll_text,
        "count": invite,
    }


def result_message(result: Result) -> str:
    """“Enrolled 7 learners and invited 3. 2 rows needed nothing.”"""
    enrolled = result.enrolled + result.reactivated
    sentences = []
    if enrolled and result.invited:
        sentences.append(
            _("%(enrolled)s and invited %(invited)s.")
            % {
                "enrolled": ngettext(
                    "Enrolled %(count)s learner",
                    "Enrolled %(count)s learners",
                    enrolled,
                )
                % {"count": enrolled},
                "invited": result.invited,
            }
        )
    elif enrolled:
        sentences.append(
            ngettext(
                "Enrolled %(count)s learner.", "Enrolled %(count)s learners.", enrolled
            )
            % {"count": enrolled}
        )
    elif result.invited:
        sentences.append(
            ngettext(
                "Invited %(count)s person.", "Invited %(count)s people.", result.invited
            )
            % {"count": result.invited}
        )
    if result.reactivated:
        sentences.append(
            ngettext(
                "%(count)s of them had a revoked enrollment, now active again.",
                "%(count)s of them had revoked enrollments, now active again.",
                result.reactivated,
            )
            % {"count": result.reactivated}
        )
    if result.invited:
        sentences.append(
            _(
                "Each invited person gets an email and is enrolled once they "
                "create their account and confirm their address."
            )
        )
    if result.unchanged:
        sentences.append(
            ngettext(
                "%(count)s row needed nothing.",
                "%(count)s rows needed nothing.",
                result.unchanged,
            )
            % {"count": result.unchanged}
        )
    if not sentences:
        return _("Nothing needed doing.")
    return " ".join(sentences)
