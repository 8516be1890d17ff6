"""The course outline in templates (``{% load outline_tags %}``).

The outline tags read ``state`` (a ``courses.access.CourseState``) from the
context, as every page that shows an outline has it; see
``courses/outline_html.py`` for why the outline is not drawn with includes.
``{% course_progress state %}`` draws ``includes/progress.html`` once per
count (done, total) and language in each process: it is on every learner page.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

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


@register.simple_tag
def course_progress(state):
    """The progress bar of ``state`` (``includes/progress.html``)."""
    done, total = state.progress_done, state.progress_total
    return _progress(done, total, state.progress_percent, get_language())


@lru_cache(maxsize=4096)
def _progress(done: int, total: int, percent: int, language: str) -> str:
    return render_to_string(
        "includes/progress.html",
        {"done": done, "total": total, "percent": percent},
    )
