"""Every login leaves a record of its session (allauth's user sessions).

allauth records the logins made through its own views; the Wagtail admin's
login and Django's own ``login()`` (which tests and the admin use) do not go
through them. Recording each Django login too means that ending a user's
sessions (``accounts.services``) finds every one, wherever they signed in.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from allauth.account.adapter import get_adapter
from allauth.usersessions.models import UserSession

_AGENT_LENGTH = UserSession._meta.get_field("user_agent").max_length


def login_session_record(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver (Django's signal): keep the session's key."""
    session = getattr(request, "session", None)
    if session is None:
        return
    if not session.session_key:
        session.save()
    UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "ip": _client_ip(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:_AGENT_LENGTH],
        },
    )


def _client_ip(request) -> str:
    try:
        return get_adapter().get_client_ip(request)
    except PermissionDenied:  # a login made in code (no client): unknown
        return "0.0.0.0"  # noqa: S104 (an address shown, never bound)
