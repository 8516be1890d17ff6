"""An empty form's fields drawn once per process: ``{% fields_cached form "t.html" %}``.

Drawing a form through Django's widget templates costs about a millisecond,
and the discussion under every lesson and quiz draws one or more empty forms
that are the same for everyone. An unbound form's HTML depends only on its
class, prefix, initial values, the language and the settings, so it is kept
in the process's memory under those; a bound form (with its data and errors)
is always drawn afresh. The template must not print anything else: no CSRF
token, no user, no request.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

register = template.Library()

MAX_ENTRIES = 1024
_drawn: dict[tuple, str] = {}


@register.simple_tag
def fields_cached(form, template_name: str) -> str:
    if form.is_bound:
        return render_to_string(template_name, {"form": form})
    key = (
        template_name,
        f"{type(form).__module__}.{type(form).__qualname__}",
        form.prefix,
        form.auto_id,
        repr(sorted(form.initial.items())),
        get_language(),
    )
    html = _drawn.get(key)
    if html is None:
        html = render_to_string(template_name, {"form": form})
        if len(_drawn) >= MAX_ENTRIES:
            _drawn.clear()
        _drawn[key] = html
    return html
