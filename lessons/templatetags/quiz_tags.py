"""A quiz page's tags: its routes, and the learner's table of attempts.

``{% quiz_route page "quiz_attempt" n %}``: a quiz's route from the outline.

Like Wagtail's ``routablepageurl``, which looks the page's address up for
every link (the quiz page draws one per attempt): the address of the item
being read is already in the course outline (``current_item``), so only the
route is reversed. Without an outline entry (an editor's preview of a draft)
it falls back to ``routablepageurl``.

``{% quiz_attempts_table page standing %}``: the learner's submitted attempts,
drawn once and kept in their cache (``accounts.user_cache``: a new attempt
bumps it) under the page generation (the links hold the quiz's address).
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string

from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import (
    routablepageurl,
)

from accounts.user_cache import user_cached
from core.page_generation import page_generation

register = template.Library()


@register.simple_tag(takes_context=True)
def quiz_route(context, page, url_name: str, *args):
    item = context.get("current_item")
    if item is None or item.page.pk != page.pk:
        return routablepageurl(context, page, url_name, *args)
    base = item.page.url
    if not base.endswith("/"):
        base += "/"
    return base + page.reverse_subpage(url_name, args=args)


@register.simple_tag(takes_context=True)
def quiz_attempts_table(context, page, standing):
    def draw() -> str:
        return render_to_string(
            "includes/quiz_attempts.html",
            {"page": page, "standing": standing, "current_item": item},
        )

    item = context.get("current_item")
    if item is None or item.page.pk != page.pk:  # a preview: draw it afresh
        return draw()
    user_id = context["request"].user.pk
    key = f"quiz:{page.pk}:attempts-table:{page_generation()}"
    return user_cached(user_id, key, draw)
