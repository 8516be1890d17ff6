"""The standard approval statement for each kind of CE approval.

Offered to the instructor as a starting point (an approval saved with an
empty statement gets its kind's wording, which she can then edit to match her
approval letter). None of these texts is quoted from a body's handbook: each
is written from the elements that body is known to require, and says so
below. The instructor's approval letter is the authority; the code is not.

- ACE (ASWB): the provider (or course) number, the approval period, and that
  regulatory boards are the final authority on courses accepted for CE
  credit. *Assumed wording* modelled on the ACE certificate elements; the
  exact sentences are in the ACE Handbook appendix, which we have not seen.
- NBCC ACEP: the ACEP number and that the provider is solely responsible for
  its programs. *Assumed wording*.
- APA sponsor: approved to sponsor CE for psychologists and "maintains
  responsibility for this program and its content" (the phrase the issue
  and DOMAIN.md cite). APA sponsors have no provider number. *Assumed
  wording* apart from that phrase.
- State board and co-sponsorship: no common national text exists; ours names
  the body, its number and the period. *Assumed wording*.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

ACE_COURSE = "ace_course"
ACE_PROVIDER = "ace_provider"
NBCC_ACEP = "nbcc_acep"
APA_SPONSOR = "apa_sponsor"
STATE_BOARD = "state_board"
CO_SPONSORSHIP = "co_sponsorship"

# Kinds whose body issues no provider number (APA approves sponsors by name).
KINDS_WITHOUT_NUMBER = frozenset({APA_SPONSOR})


def _day(value: date | None) -> str:
    return date_format(value, "F j, Y") if value else _("[date]")


def statement_standard(
    *,
    kind: str,
    body_name: str,
    provider_number: str,
    period_start: date | None,
    period_end: date | None,
    provider_name: str | None = None,
) -> str:
    """The standard statement for ``kind``, filled in with this approval's facts.

    Pure: reads ``settings.CE_PROVIDER_NAME`` unless ``provider_name`` is
    given. Unknown values print as bracketed placeholders ("[number]") so an
    incomplete approval never reads as finished text.
    """
    values = {
        "provider": provider_name or settings.CE_PROVIDER_NAME,
        "body": body_name or _("[approving body]"),
        "number": provider_number or _("[number]"),
        "start": _day(period_start),
        "end": _day(period_end),
    }
    if kind == ACE_PROVIDER:
        text = _(
            "%(provider)s, provider #%(number)s, is approved as an ACE provider to "
            "offer social work continuing education by the Association of Social "
            "Work Boards (ASWB) Approved Continuing Education (ACE) program. "
            "Regulatory boards are the final authority on courses accepted for "
            "continuing education credit. ACE provider approval period: "
            "%(start)s – %(end)s."
        )
    elif kind == ACE_COURSE:
        text = _(
            "This course, offered by %(provider)s, is approved, course #%(number)s, "
            "to offer social work continuing education by the Association of Social "
            "Work Boards (ASWB) Approved Continuing Education (ACE) program. "
            "Regulatory boards are the final authority on courses accepted for "
            "continuing education credit. ACE course approval period: "
            "%(start)s – %(end)s."
        )
    elif kind == NBCC_ACEP:
        text = _(
            "%(provider)s has been approved by NBCC as an Approved Continuing "
            "Education Provider, ACEP No. %(number)s. Programs that do not qualify "
            "for NBCC credit are clearly identified. %(provider)s is solely "
            "responsible for all aspects of the programs. Approval period: "
            "%(start)s – %(end)s."
        )
    elif kind == APA_SPONSOR:
        text = _(
            "%(provider)s is approved by the American Psychological Association to "
            "sponsor continuing education for psychologists. %(provider)s maintains "
            "responsibility for this program and its content."
        )
    elif kind == CO_SPONSORSHIP:
        text = _(
            "This program is co-sponsored by %(provider)s and %(body)s (provider "
            "number %(number)s). %(body)s is approved to offer this continuing "
            "education and maintains responsibility for the program. Approval "
            "period: %(start)s – %(end)s."
        )
    else:  # a state board, or a kind added later
        text = _(
            "This course is approved for continuing education by %(body)s, "
            "provider number %(number)s, for the approval period "
            "%(start)s – %(end)s. Licensing boards decide which courses they accept."
        )
    return text % values
