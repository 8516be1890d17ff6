"""The demo academy's people: the instructor, the learner and the assistant,
each with a verified address (the demo logins work at once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.contrib.auth.models import Group

from allauth.account.models import EmailAddress

from accounts.models import User
from accounts.services import profile_get_or_create, profile_update
from config.roles import ASSISTANT, roles_sync

if TYPE_CHECKING:
    from demo.loader import SeedReport

DEMO_PASSWORD = "practicum-demo"  # noqa: S105 (a published demo password)


def user_ensure(spec: dict, report: SeedReport, *, superuser: bool) -> User:
    email = spec["email"]
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        create = (
            User.objects.create_superuser if superuser else User.objects.create_user
        )
        user = create(
            email=email,
            password=DEMO_PASSWORD,
            first_name=spec["first_name"],
            last_name=spec["last_name"],
        )
        report.created["user"] += 1
        if spec.get("profile"):
            profile_update(user=user, data=spec["profile"])
        else:
            profile_get_or_create(user=user)
    address, created = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if created:
        report.created["email address"] += 1
    elif not (address.verified and address.primary):
        # The contract says the demo logins work at once: no verification mail.
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user


def assistant_ensure(spec: dict, report: SeedReport) -> User:
    """The demo assistant: in the Assistant group, which gives the admin read-only.

    Only a newly created assistant joins the group: an existing account is
    left as it is. The group comes from the roles migration; if it has gone
    (a flushed database), ``roles_sync`` puts it back.
    """
    existed = User.objects.filter(email__iexact=spec["email"]).exists()
    user = user_ensure(spec, report, superuser=False)
    if not existed:
        group = Group.objects.filter(name=ASSISTANT).first()
        if group is None:
            roles_sync(apps)
            group = Group.objects.get(name=ASSISTANT)
        user.groups.add(group)
    return user
