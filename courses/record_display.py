"""How CE records read in the admin and in its spreadsheets.

A certificate freezes its credit lines and approvals as JSON when it is
issued, and an evaluation keeps its objective ratings as JSON. These pure
functions turn that data into the words and numbers a person reads, so the
inspect pages, listings and CSV/XLSX exports all say the same thing.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from courses.forms import RATINGS
from courses.models import CreditType

RATING_WORDS = dict(RATINGS)


def _hours(value) -> Decimal | None:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        return None


def credit_lines(credits) -> list[tuple[str, Decimal | None]]:
    """The certificate's ``[[credit type, hours], …]`` as (label, hours) pairs."""
    lines = []
    for line in credits or []:
        if isinstance(line, (list, tuple)) and len(line) == 2:
            lines.append((str(line[0]), _hours(line[1])))
    return lines


def hours_text(hours: Decimal | None) -> str:
    return "" if hours is None else _("%(hours)s h") % {"hours": hours}


def credit_lines_text(credits) -> str:
    """``General 17.00 h; Ethics 3.00 h``: one line per credit type."""
    return "; ".join(
        f"{label} {hours_text(hours)}".strip() for label, hours in credit_lines(credits)
    )


def credit_type_labels() -> list[str]:
    """Every credit type a course may carry, in the order the course form offers."""
    return [str(label) for label in CreditType.labels]


def hours_of_credit_type(credits, label: str) -> Decimal | None:
    """The hours of one credit type on a certificate, or None if it has none."""
    total = None
    for line_label, hours in credit_lines(credits):
        if line_label == label and hours is not None:
            total = (total or Decimal("0.00")) + hours
    return total


def approvals_list(approvals) -> list[dict[str, str]]:
    """The certificate's approvals as dicts of strings: body, kind, provider
    number, period (``2026-01-01 – 2027-12-31``, empty on certificates issued
    before periods were recorded) and statement."""
    lines = []
    for approval in approvals or []:
        if not isinstance(approval, dict):
            continue
        start, end = approval.get("period_start"), approval.get("period_end")
        lines.append(
            {
                "body": str(approval.get("body", "")),
                "kind": str(approval.get("kind", "")),
                "provider_number": str(approval.get("provider_number", "")),
                "period": f"{start} – {end}" if start and end else "",
                "statement": str(approval.get("statement", "")),
            }
        )
    return lines


def approval_text(approval: dict[str, str]) -> str:
    text = approval["body"]
    if approval["provider_number"]:
        text = _("%(body)s (provider number %(number)s)") % {
            "body": text,
            "number": approval["provider_number"],
        }
    if approval.get("period"):
        text = _("%(approval)s, approval period %(period)s") % {
            "approval": text,
            "period": approval["period"],
        }
    return text


def approvals_text(approvals) -> str:
    """``Board (provider number TB-0042), approval period 2026-01-01 – 2027-12-31;
    …``: who approved, under which number, for when."""
    return "; ".join(approval_text(a) for a in approvals_list(approvals))


def rating_text(rating) -> str:
    """``4 — Agree``: the rating with the words the learner chose it by."""
    try:
        return str(RATING_WORDS[int(rating)])
    except (KeyError, TypeError, ValueError):
        return "" if rating is None else str(rating)


def objective_ratings(ratings) -> list[tuple[str, str]]:
    """Each learning objective, as worded when answered, with its rating in words."""
    if not isinstance(ratings, dict):
        return []
    return [
        (str(objective), rating_text(value)) for objective, value in ratings.items()
    ]


def objective_ratings_text(ratings) -> str:
    return "; ".join(
        f"{objective}: {rating}" for objective, rating in objective_ratings(ratings)
    )


def excerpt(text: str, length: int = 120) -> str:
    """The start of a comment, cut at a word, for a listing column."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


def local_datetime(value):
    """A moment in the site's time zone, to the second, for a spreadsheet cell."""
    if value is None:
        return None
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0, tzinfo=None)


def yes_no(value) -> str:
    """``yes`` / ``no`` for a recorded answer, nothing when it is not known yet."""
    if value is None:
        return ""
    return _("yes") if value else _("no")
