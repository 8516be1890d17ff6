"""Staff with chosen permissions, and URLs of the Learners screens."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import UserFactory

VIEW = "courses.view_enrollment"


def staff_with(*perms: str, email: str = "staff@example.com"):
    """A staff user who may use the admin and holds exactly ``perms``."""
    user = UserFactory(email=email, is_staff=True)
    for perm in ("wagtailadmin.access_admin", *perms):
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def learner_url(learner) -> str:
    return reverse("learners:inspect", args=[learner.pk])


def list_url() -> str:
    return reverse("learners:index")
