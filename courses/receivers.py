"""Signal receivers: where allauth's account events meet courses.

A signal only joins parts that must not know each other: ``accounts`` and
allauth know nothing of courses, so courses listens.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress

from courses.bulk_enroll import invitations_accept


def accept_invitations_on_email_confirmed(
    sender, *, request, email_address: EmailAddress, **kwargs
) -> None:
    """A verified address claims every course seat waiting for it."""
    invitations_accept(user=email_address.user, email=email_address.email)
