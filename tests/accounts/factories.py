"""Users, with the verified email address allauth needs to let them log in."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from accounts.models import ClinicianProfile, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    """An account whose email is verified; its password is ``PASSWORD``."""

    email = factory.Sequence(lambda n: f"learner{n}@example.com")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )


class SuperuserFactory(UserFactory):
    email = factory.Sequence(lambda n: f"instructor{n}@example.com")
    is_staff = True
    is_superuser = True


class ClinicianProfileFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    name_on_certificate = "Maria L. Gómez, LCSW"
    profession = "social_worker"
    license_type = "LCSW"
    license_number = "LCSW-12345"
    license_state = "CA"

    class Meta:
        model = ClinicianProfile
