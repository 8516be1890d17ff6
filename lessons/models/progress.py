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
        indexes = [models.Index(fields=["user", "course"])]
        verbose_name = _("completion")

    def __str__(self) -> str:
        return f"{self.user} completed {self.page_id}"
