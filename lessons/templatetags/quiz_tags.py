"""``{% quiz_route page "quiz_attempt" n %}``: a quiz's route from the outline.

Like Wagtail's ``routablepageurl``, which looks the page's address up for
every link (the quiz page draws one per attempt): the address of the item
being read is already in the course outline (``current_item``), so only the
route is reversed. Without an outline entry (an editor's preview of a draft)
it falls back to ``routablepageurl``.
"""

from __future__ import annotations

from django import template

from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import (
    routablepageurl,
)

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
