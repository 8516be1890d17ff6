"""The course outline in templates (``{% load outline_tags %}``).

Both tags read ``state`` (a ``courses.access.CourseState``) from the context,
as every page that shows an outline has it; see ``courses/outline_html.py``
for why the outline is not drawn with includes.
"""

from __future__ import annotations

from django import template

from courses.outline_html import outline_html, outline_items_html

register = template.Library()


@register.simple_tag(takes_context=True)
def course_outline(
    context, current=None, show_summaries=False, heading_level=3, collapse_others=False
):
    """The outline; ``current`` is the page being read, if any, and
    ``collapse_others`` shows the other modules' items as one line each."""
    return outline_html(
        context["state"],
        current_pk=getattr(current, "pk", None),
        show_summaries=show_summaries,
        heading_level=heading_level,
        collapse_others=collapse_others,
    )


@register.simple_tag(takes_context=True)
def module_items(context, module, show_summaries=False):
    """One module's items (a ``ModuleState``)."""
    return outline_items_html(
        context["state"], module.items, show_summaries=show_summaries
    )
