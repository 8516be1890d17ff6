"""Text that looks as if it carries a real client's identifiers.

Learners are defense-team members: a post must never name a client, a case or
a place. These patterns catch the common slips (a case number, a date of birth,
a phone number, an email address) so the form can warn before posting. A
warning the learner may confirm, never a block: the patterns are broad and a
date in a post is often harmless.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

PATTERNS: list[tuple[str, str, re.Pattern]] = [
    (
        "case_number",
        _("a case or docket number"),
        re.compile(
            r"\b(?:case|docket|cause|indictment|file)\s*(?:no\.?|number|#)\s*:?\s*"
            r"[A-Z0-9][A-Z0-9:\-/]{2,}"
            r"|\b(?:\d{1,2}:)?\d{2,4}[- ]?(?:CR|CF|CV|CA|CP|CRF|F|K|KA)[- ]?\d{3,}\b"
            r"|\b(?:CR|CF|CRF|CP)[- ]?\d{2,4}[- ]\d{3,}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "date_of_birth",
        _("a date of birth"),
        re.compile(
            r"\b(?:dob|d\.o\.b\.|date of birth|born(?: on)?)\b\s*:?\s*\S+"
            r"|\b(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:19|20)?\d{2}\b"
            r"|\b" + _MONTHS + r"\.?\s+\d{1,2},?\s+(?:19|20)\d{2}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "phone_number",
        _("a phone number"),
        re.compile(
            r"(?<![\w/])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\w/])"
        ),
    ),
    (
        "email_address",
        _("an email address"),
        re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    ),
]


def identifiers_found(text: str) -> list[str]:
    """The kinds of identifier ``text`` seems to carry, as readable phrases."""
    return [str(label) for _key, label, pattern in PATTERNS if pattern.search(text)]
