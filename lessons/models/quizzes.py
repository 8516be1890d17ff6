from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RevealRule(models.TextChoices):
    AFTER_EACH = "after_each", _("After each attempt")
    ONCE_PASSED = "once_passed", _("Once the learner has passed")
    NEVER = "never", _("Never (score only)")


class QuizAttempt(models.Model):
    """One attempt at a quiz, with what the learner saw and answered.

    ``snapshot`` holds the questions and choices as drawn, with their text and
    the answer key as they were at the start, so editing the quiz later never
    rewrites history. Open until ``submitted_at`` is set.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
        verbose_name=_("learner"),
    )
    quiz = models.ForeignKey(
        "lessons.QuizPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="attempts",
    )
    course = models.ForeignKey(
        "courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    quiz_title = models.CharField(_("quiz"), max_length=255)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    seed = models.BigIntegerField()
    snapshot = models.JSONField(_("questions as drawn"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    is_final_assessment = models.BooleanField(_("final assessment"), default=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    correct_count = models.PositiveSmallIntegerField(_("correct answers"), null=True)
    question_count = models.PositiveSmallIntegerField(_("questions"))
    score_percent = models.PositiveSmallIntegerField(_("score (%)"), null=True)
    passed = models.BooleanField(_("passed"), null=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="attempt_unique_number"
            )
        ]
        verbose_name = _("quiz attempt")

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz_title} · attempt {self.number}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None


class QuizAttemptGrant(models.Model):
    """Extra attempts the instructor gave a learner on a quiz."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The learner who gets more attempts."),
    )
    quiz = models.ForeignKey(
        "lessons.QuizPage",
        on_delete=models.CASCADE,
        related_name="attempt_grants",
        help_text=_("The quiz the extra attempts are for."),
    )
    extra_attempts = models.PositiveSmallIntegerField(
        default=1, help_text=_("How many more attempts the learner may make.")
    )
    reason = models.CharField(
        max_length=255, blank=True, help_text=_("Kept with the learner's record.")
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("extra quiz attempts")
        verbose_name_plural = _("extra quiz attempts")

    def __str__(self) -> str:
        return f"+{self.extra_attempts} for {self.user} on {self.quiz}"
