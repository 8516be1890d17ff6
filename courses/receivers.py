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


def certificate_changed(sender, instance, **kwargs) -> None:
    """A certificate's learner (its enrollment's) sees it on their dashboard,
    which is read through their cache (``accounts.user_cache``)."""
    from accounts.user_cache import user_generation
    from courses.models import Enrollment

    if instance.enrollment_id is None:
        return
    enrollment = instance._state.fields_cache.get("enrollment")
    user_id = (
        enrollment.user_id
        if enrollment is not None
        else Enrollment.objects.filter(pk=instance.enrollment_id)
        .values_list("user_id", flat=True)
        .first()
    )
    if user_id is not None:
        user_generation(user_id).bump()
