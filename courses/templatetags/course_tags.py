"""Template tags for course listings (prices: ``{% load money %}``)."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from core.page_generation import generation_cached
from courses.models import CoursePage

register = template.Library()


@register.simple_tag(takes_context=True)
def course_cards(context, limit: int = 3, heading_level: int = 3) -> str:
    """Cards for the first ``limit`` live, public courses, in catalog (tree) order.

    The same for everyone who sees them, so drawn once per page generation
    (``core.page_generation``: any page, instructor or approval change) and
    day (what a card says of CE hours follows the date), and kept.
    """
    request = context.get("request")
    key = (
        f"courses:cards:{limit}:{heading_level}:{get_language()}:"
        f"{timezone.localdate().isoformat()}"
    )
    return generation_cached(
        key, lambda: _cards_render(request, limit=limit, heading_level=heading_level)
    )


def _cards_render(request, *, limit: int, heading_level: int) -> str:
    courses = (
        CoursePage.objects.live()
        .public()
        .select_related("image", "instructor")
        .order_by("path")[:limit]
    )
    return render_to_string(
        "includes/course_cards.html",
        {"request": request, "courses": courses, "heading_level": heading_level},
    )
