"""Template tags for course listings and prices."""

from __future__ import annotations

from decimal import Decimal

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


@register.filter
def money(amount, currency: str = "usd") -> str:
    """Format an amount in minor units: ``14900|money:"usd"`` gives "USD 149.00".

    Matches ``CoursePage.price_display``, so orders and receipts read the same.
    """
    if amount in (None, ""):
        return ""
    major = Decimal(int(amount)) / 100
    return f"{str(currency).upper()} {major:,.2f}"
