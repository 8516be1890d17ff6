from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EnrollmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")


class EnrollmentSource(models.TextChoices):
    FREE = "free", _("Free enrollment")
    PURCHASE = "purchase", _("Purchase")
    MANUAL = "manual", _("Added by the instructor")


class Enrollment(models.Model):
    """A learner's place in a course. One per (learner, course), ever.

    Revoking keeps the row (and its history); granting again reactivates it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enrollments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrollments"
    )
    status = models.CharField(
        max_length=16, choices=EnrollmentStatus.choices, default=EnrollmentStatus.ACTIVE
    )
    source = models.CharField(max_length=16, choices=EnrollmentSource.choices)
    completed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the learner completed the course.")
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(max_length=200, blank=True)
    release_anchor_on = models.DateField(
        _("drip counted from"),
        null=True,
        blank=True,
        help_text=_(
            "The date this learner's drip schedule counts from. "
            "Empty: the date they enrolled."
        ),
    )
    post_test_score = models.PositiveSmallIntegerField(
        _("post-test best passing score (%)"),
        null=True,
        blank=True,
        help_text=_("The best score of a passed attempt at the course's post-test."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="enrollment_unique_user_course"
            )
        ]
        verbose_name = _("enrollment")

    def __str__(self) -> str:
        return f"{self.user} in {self.course_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == EnrollmentStatus.ACTIVE

    @property
    def release_anchor(self) -> date:
        """The date drip schedules count from: the anchor if set, else enrolling."""
        return self.release_anchor_on or timezone.localdate(self.created_at)


class CourseEvaluation(models.Model):
    """The learner's evaluation of a course, submitted before the certificate.

    Ratings run from 1 (strongly disagree / poor) to 5 (strongly agree /
    excellent). ``objective_ratings`` maps each learning objective, as
    worded when the learner answered, to a rating.
    """

    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.PROTECT, related_name="evaluation"
    )
    objective_ratings = models.JSONField(_("learning objectives met"), default=dict)
    relevance = models.PositiveSmallIntegerField(_("relevance to practice"))
    content_quality = models.PositiveSmallIntegerField(_("content quality"))
    instructor_effectiveness = models.PositiveSmallIntegerField(
        _("instructor effectiveness")
    )
    hours_spent = models.DecimalField(_("hours spent"), max_digits=5, decimal_places=1)
    comments = models.TextField(_("comments"), blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("course evaluation")

    def __str__(self) -> str:
        enrollment = self.enrollment
        return _("Evaluation of %(course)s by %(email)s") % {
            "course": enrollment.course.title,
            "email": enrollment.user.email,
        }
