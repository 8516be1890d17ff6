"""``{% include_shared "template.html" page %}``: a part of a page that is the
same for everyone who sees it, rendered once.

A course page shows its hero (title, price, hours, instructor, image), its CE
details and its instructor to every learner alike; drawing them reads the
instructor and the CE approvals from the database on every view. The HTML is
kept per template, page, live revision, language and day (approvals lapse with
the date) under the page generation (``core.page_generation``: any page,
image, instructor or approval change bumps it). Previews render afresh.

The included template gets this context, but must print nothing that depends
on who asks (no user, no state, no CSRF token): its comment says it is shared.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from core.page_generation import generation_cached

register = template.Library()


@register.simple_tag(takes_context=True)
def include_shared(context, template_name: str, page):
    def render():
        return render_to_string(template_name, context.flatten())

    request = context.get("request")
    if getattr(request, "is_preview", False):
        return render()
    key = ":".join(
        [
            "core:shared",
            template_name,
            str(page.pk),
            str(page.live_revision_id or 0),  # none for a page a script made
            get_language(),
            timezone.localdate().isoformat(),
        ]
    )
    return generation_cached(key, render)
