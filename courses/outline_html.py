"""The course outline as HTML, joined from pieces rendered once per outline.

Rendered by the template engine, an outline item costs about 80 µs: a course
of 200 items spent more on drawing its outline than on the rest of the page
put together. What an item looks like differs between learners in only a few
ways (completed or not; open, locked, or waiting for the item before it), so
every item is rendered once in each of those forms from
``includes/outline_item.html`` (and the frame from
``includes/outline_parts.html``), when its course's outline changes, and a
request only picks and joins. The one item that is the current page, and an
item that opens on a date (which depends on the learner's enrollment), are
rendered for the request (the current item's form is kept once drawn).

Beside a lesson (``collapse_others``) only the module being read lists its
items; every other module is one line with how much of it the learner has
done, a piece rendered the first time a count is needed and then kept: a
course of 200 items draws a sidebar of a dozen.

The pieces are kept in this process's memory (``core.memo``) for the
outline's generation (``core.page_generation``): a page change anywhere makes
them stale.
"""

from __future__ import annotations

from dataclasses import replace

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.memo import GenerationMemo
from courses.access import CourseState, ItemState, Reason

ITEM_TEMPLATE = "includes/outline_item.html"
PARTS_TEMPLATE = "includes/outline_parts.html"

# An item's forms: (completed, access), where access is how the item is shown.
OPEN, LOCKED, AFTER_PREVIOUS = "open", "locked", "after_previous"
_FORM_REASONS = {
    OPEN: Reason.ENROLLED,
    LOCKED: Reason.NOT_ENROLLED,
    AFTER_PREVIOUS: Reason.PREVIOUS_INCOMPLETE,
}

_memo = GenerationMemo(size=32)


def outline_html(
    state: CourseState,
    *,
    current_pk=None,
    show_summaries=False,
    heading_level=3,
    collapse_others=False,
) -> str:
    """The outline of ``state``'s course for its learner: every item, or with
    ``collapse_others`` those of the module holding ``current_pk`` only."""
    pieces = _pieces(state, show_summaries, heading_level)
    current = state.item(current_pk) if collapse_others and current_pk else None
    parts = [pieces["outline_open"]]
    for module in state.modules:
        is_current = module.page.pk == current_pk
        parts.append(pieces["modules"][module.page.pk][is_current])
        if current is None or module.page.pk == current.module.pk:
            parts.extend(_items(pieces, module.items, current_pk, show_summaries))
        else:
            parts.append(_module_summary(pieces, module, state.is_enrolled))
        parts.append(pieces["module_close"])
    if not state.modules:
        parts.append(pieces["outline_empty"])
    parts.append(pieces["outline_close"])
    # Every part was rendered by a template with autoescaping on.
    return mark_safe("".join(parts))  # noqa: S308


def outline_items_html(
    state: CourseState, items: list[ItemState], *, show_summaries=False
) -> str:
    """One module's items (the module page)."""
    pieces = _pieces(state, show_summaries, 3)
    # Every part was rendered by a template with autoescaping on.
    return mark_safe("".join(_items(pieces, items, None, show_summaries)))  # noqa: S308


def _items(pieces, items, current_pk, show_summaries) -> list[str]:
    if not items:
        return [pieces["items_empty"]]
    parts = [pieces["items_open"]]
    for item in items:
        if item.page.pk == current_pk:  # linked whatever its access
            parts.append(_current_item(pieces, item, show_summaries))
            continue
        if item.reason == Reason.NOT_YET_RELEASED and item.opens_on:
            parts.append(_item_render(item, False, show_summaries))
            continue
        if item.allowed:
            access = OPEN
        elif item.reason == Reason.PREVIOUS_INCOMPLETE:
            access = AFTER_PREVIOUS
        else:
            access = LOCKED
        parts.append(pieces["items"][item.page.pk][item.completed, access])
    parts.append(pieces["items_close"])
    return parts


def _current_item(pieces, item: ItemState, show_summaries: bool) -> str:
    # The entry shows the date only for an item not yet released.
    dated = item.reason == Reason.NOT_YET_RELEASED
    key = (item.page.pk, item.completed, item.reason, item.opens_on if dated else None)
    html = pieces["current"].get(key)
    if html is None:  # kept for the next learner reading it
        html = _item_render(item, True, show_summaries)
        pieces["current"][key] = html
    return html


def _module_summary(pieces, module, is_enrolled: bool) -> str:
    done = sum(item.completed for item in module.items) if is_enrolled else None
    key = (module.page.pk, done)
    summary = pieces["summaries"].get(key)
    if summary is None:  # kept for the next learner with as much done
        summary = _part("module_summary", done=done, total=len(module.items))
        pieces["summaries"][key] = summary
    return summary


def _item_render(item: ItemState, is_current: bool, show_summaries: bool) -> str:
    return render_to_string(
        ITEM_TEMPLATE,
        {"item": item, "is_current": is_current, "show_summaries": show_summaries},
    )


def _pieces(state: CourseState, show_summaries: bool, heading_level: int) -> dict:
    outline = state.outline
    key = (outline.course_id, get_language(), show_summaries, heading_level)
    pieces = _memo.get(key, outline.generation)
    if pieces is None:
        pieces = _pieces_render(state, show_summaries, heading_level)
        _memo.set(key, outline.generation, pieces)
    return pieces


def _part(part: str, **context) -> str:
    return render_to_string(PARTS_TEMPLATE, {"part": part, **context})


def _pieces_render(state: CourseState, show_summaries: bool, heading_level: int):
    pieces = {
        name: _part(name)
        for name in (
            "outline_open",
            "outline_empty",
            "outline_close",
            "module_close",
            "items_open",
            "items_close",
            "items_empty",
        )
    }
    pieces["modules"] = {}
    pieces["items"] = {}
    pieces["summaries"] = {}
    pieces["current"] = {}
    for number, module in enumerate(state.outline.modules, start=1):
        pieces["modules"][module.page.pk] = {
            is_current: _part(
                "module_open",
                module=module.page,
                number=number,
                is_current=is_current,
                show_summaries=show_summaries,
                heading_level=heading_level,
            )
            for is_current in (False, True)
        }
        for page in module.items:
            template = ItemState(
                page=page, module=module.page, reason=Reason.ENROLLED, required=True
            )
            pieces["items"][page.pk] = {
                (completed, access): _item_render(
                    replace(
                        template,
                        reason=reason,
                        completed=completed,
                        required=not page.is_optional,
                    ),
                    False,
                    show_summaries,
                )
                for completed in (False, True)
                for access, reason in _FORM_REASONS.items()
            }
    return pieces
