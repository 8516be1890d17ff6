from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Instructor(index.Indexed, models.Model):
    """A person who teaches a course, as the course page and certificate name them."""

    name = models.CharField(max_length=150, help_text=_("Full name, e.g. Dana Reyes."))
    credentials = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("Degrees and licenses after the name, e.g. LCSW, MSW."),
    )
    bio = models.TextField(
        blank=True, help_text=_("A short paragraph shown on the course page.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square portrait works best."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("instructor")

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
