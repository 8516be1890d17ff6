"""Template tags for course listings (prices: ``{% load money %}``)."""

from __future__ import annotations

from django import template

from courses.models import CoursePage

register = template.Library()


@register.inclusion_tag("includes/course_cards.html", takes_context=True)
def course_cards(context, limit: int = 3, heading_level: int = 3) -> dict:
    """Cards for the first ``limit`` live, public courses, in catalog (tree) order."""
    courses = (
        CoursePage.objects.live()
        .public()
        .select_related("image", "instructor")
        .order_by("path")[:limit]
    )
    return {
        "request": context.get("request"),
        "courses": courses,
        "heading_level": heading_level,
    }
