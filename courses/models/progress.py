"""A learner's progress through a course's items: what they completed, and the
time they spent on its lessons. The rows are the course's; ``lessons`` writes
them through ``courses.services`` when a lesson or quiz says so."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemCompletion(models.Model):
    """A learner completed a lesson or quiz: one row per (learner, item), ever.

    Progress is computed from these rows over the course's published required
    items; it is never stored as a counter.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="completions"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="completions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"], name="completion_unique_user_page"
            )
        ]
        indexes = [
            models.Index(fields=["user", "course"], name="completion_user_course_idx")
        ]
        verbose_name = _("completion")

    def __str__(self) -> str:
        return f"{self.user} completed {self.page_id}"


class LessonTime(models.Model):
    """A learner's time on one lesson: one row per (learner, lesson).

    Created the first time the learner opens the lesson (``first_opened_at``);
    ``seconds`` is the time credited so far: each heartbeat adds at most the
    time since the one before, and completing a lesson that never received a
    heartbeat (no JavaScript) credits the time since it was first opened, up
    to its estimated minutes (``lessons.time_on_task``). Time on the course
    is the sum over its lessons (``courses.time_on_task``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_times"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="lesson_times"
    )
    first_opened_at = models.DateTimeField()
    seconds = models.PositiveIntegerField(default=0)
    last_heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["first_opened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"], name="lesson_time_unique_user_page"
            )
        ]
        indexes = [
            models.Index(fields=["user", "course"], name="lesson_time_user_course_idx")
        ]
        verbose_name = _("time on a lesson")

    def __str__(self) -> str:
        return f"{self.user} on {self.page_id}: {self.seconds} s"
