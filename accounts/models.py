"""Users (email is the login) and their clinician profile."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.license_regions import license_regions


class UserManager(DjangoUserManager):
    """Create users by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser needs is_staff and is_superuser.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account. The email address is the login; there is no username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    sale_notifications = models.BooleanField(
        _("email me about each sale"),
        default=True,
        help_text=_(
            "Instructors and administrators get an email each time someone "
            "buys a course. Untick to stop these emails."
        ),
    )

    discussion_question_notifications = models.BooleanField(
        _("email me about each new discussion question"),
        default=True,
        help_text=_(
            "Instructors and administrators get an email when a learner asks "
            "a question under a lesson. Untick to stop these emails."
        ),
    )
    discussion_answer_notifications = models.BooleanField(
        _("email me when my question is answered"),
        default=True,
    )
    discussion_reply_notifications = models.BooleanField(
        _("email me when someone replies to my post"),
        default=True,
    )

    announcement_emails = models.BooleanField(
        _("email me the instructor's announcements"),
        default=True,
        help_text=_(
            "News about your courses: new lessons, live sessions, changes. "
            "Emails about your own enrollment, receipts and certificates are "
            "always sent."
        ),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    @property
    def public_name(self) -> str:
        """How others see this person in a discussion: never the email.

        The display name from the profile, else first name and last initial,
        else a neutral word.
        """
        profile = getattr(self, "profile", None)
        if profile is not None and profile.display_name:
            return profile.display_name
        first, last = self.first_name.strip(), self.last_name.strip()
        if first and last:
            return f"{first} {last[0]}."
        return first or (f"{last[0]}." if last else str(_("A learner")))


class Profession(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("Social worker")
    COUNSELOR = "counselor", _("Counselor")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    MARRIAGE_FAMILY_THERAPIST = "mft", _("Marriage and family therapist")
    OTHER = "other", _("Other")


class ClinicianProfile(models.Model):
    """What a certificate needs to print: optional until a certificate asks."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(
        _("name shown in discussions"),
        max_length=60,
        blank=True,
        help_text=_(
            "How other learners see you under a lesson. Leave empty to show "
            "your first name and last initial. Your email is never shown."
        ),
    )
    name_on_certificate = models.CharField(
        _("name as it should print on a certificate"),
        max_length=150,
        blank=True,
        help_text=_(
            "Exactly as it appears on your license, e.g. Maria L. Gómez, LCSW."
        ),
    )
    profession = models.CharField(
        _("profession"), max_length=32, choices=Profession.choices, blank=True
    )
    license_type = models.CharField(
        _("license type"),
        max_length=60,
        blank=True,
        help_text=_("For example LCSW, LMSW, LPC, LMFT or PsyD."),
    )
    license_number = models.CharField(_("license number"), max_length=60, blank=True)
    license_state = models.CharField(
        _("license state or province"),
        max_length=2,
        choices=license_regions,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # What a certificate prints of the profile (and snapshots when issued).
    PRINTED_FIELDS = (
        "name_on_certificate",
        "license_type",
        "license_number",
        "license_state",
    )

    class Meta:
        ordering = ["user__email"]
        verbose_name = _("clinician profile")

    def __str__(self) -> str:
        return self.name_on_certificate or str(self.user)
