"""``{% include_block_cached page "body" %}``: a page's StreamField, rendered once.

A lesson's body is the same HTML for everyone who may read it, and decoding
and rendering its blocks cost more than the rest of the lesson page. The
rendered HTML is kept in the cache per page, live revision, language and page
generation (``core.page_generation``, which any page, document or image change
bumps: rich text links to other pages, documents' addresses). Editors'
previews render afresh: a draft is not the live revision.
"""

from __future__ import annotations

from django import template
from django.core.cache import cache
from django.utils.translation import get_language

from core.page_generation import GENERATION_KEY, page_generation

register = template.Library()

SECONDS = 24 * 60 * 60


@register.simple_tag(takes_context=True)
def include_block_cached(context, page, field_name: str):
    """Like ``{% include_block page.<field_name> %}``, through the cache."""
    value = getattr(page, field_name)
    request = context.get("request")
    if getattr(request, "is_preview", False) or not page.live_revision_id:
        return value.render_as_block(context=context.flatten())
    key = f"core:stream:{page.pk}:{field_name}:{page.live_revision_id}:{get_language()}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or page_generation()
    cached = found.get(key)
    if cached is not None and cached[0] == generation:
        return cached[1]
    html = value.render_as_block(context=context.flatten())
    cache.set(key, (generation, html), SECONDS)
    return html
