"""``{% include_block_cached page "body" %}``: a page's StreamField, rendered once
(and ``{% richtext_cached page "intro" %}`` for a rich text field).

A lesson's body is the same HTML for everyone who may read it, and decoding
and rendering its blocks cost more than the rest of the lesson page. The
rendered HTML is kept in the cache per page, live revision, language and page
generation (``core.page_generation``, which any page, document or image change
bumps: rich text links to other pages, documents' addresses). Editors'
previews render afresh: a draft is not the live revision.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from core.page_generation import generation_cached

register = template.Library()


@register.simple_tag(takes_context=True)
def include_block_cached(context, page, field_name: str):
    """Like ``{% include_block page.<field_name> %}``, through the cache."""
    value = getattr(page, field_name)
    request = context.get("request")
    if getattr(request, "is_preview", False):
        return value.render_as_block(context=context.flatten())
    # A page made by a script has no revision: the generation still covers it
    # (any save bumps it).
    revision = page.live_revision_id or 0
    key = f"core:stream:{page.pk}:{field_name}:{revision}:{get_language()}"
    return generation_cached(
        key, lambda: value.render_as_block(context=context.flatten())
    )


@register.simple_tag(takes_context=True)
def richtext_cached(context, page, field_name: str):
    """Like ``{{ page.<field_name>|richtext }}``, through the cache (a rich text
    field's links are looked up when it is drawn)."""
    from wagtail.templatetags.wagtailcore_tags import richtext

    value = getattr(page, field_name)
    request = context.get("request")
    if getattr(request, "is_preview", False):
        return richtext(value)
    revision = page.live_revision_id or 0
    key = f"core:richtext:{page.pk}:{field_name}:{revision}:{get_language()}"
    return generation_cached(key, lambda: richtext(value))
