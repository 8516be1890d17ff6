"""A content file's values as page fields, validated as the admin would.

Plain fields go through the model field's ``to_python`` and ``clean`` (so a
missing title or an unknown choice is caught), StreamFields through their own
stream block: ``LessonStreamBlock`` for a lesson, ``QuizQuestionsBlock`` for a
quiz's questions, and so on. Every error names the file and, for a block, its
line (or question number).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import FieldDoesNotExist, ValidationError

from wagtail.fields import StreamField
from wagtail.models import Page

from demo.content_files import PageSpec
from demo.directives import ContentError

# (block name, value) -> the value with documents and images as their ids.
Resolve = Callable[[str, object, PageSpec], object]


def page_fields(model: type[Page], spec: PageSpec, resolve: Resolve) -> dict:
    """The keyword arguments to build ``model`` from ``spec``."""
    fields = {}
    for name, value in spec.fields.items():
        field = _field(model, name, spec)
        if isinstance(field, StreamField) or field.is_relation:
            raise ContentError(f"{spec.source}: {name} cannot be set in this file.")
        try:
            fields[name] = field.clean(field.to_python(value), None)
        except ValidationError as exc:
            raise ContentError(
                f"{spec.source}: {name}: {' '.join(exc.messages)}"
            ) from exc
    for name, blocks in spec.streams.items():
        fields[name] = stream_value(model, name, blocks, spec, resolve)
    return fields


def page_clean(page: Page, spec: PageSpec) -> None:
    """The page's own rules across fields (a quiz's draw settings, …)."""
    # Not Wagtail's slug check: the page is not in the tree yet, and
    # page_ensure reuses a page found at its slug rather than adding one.
    page._check_slug_is_unique = lambda: None
    try:
        page.clean()
    except ValidationError as exc:
        problems = [
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in exc.message_dict.items()
        ]
        raise ContentError(f"{spec.source}: {'; '.join(problems)}") from exc
    finally:
        del page._check_slug_is_unique


def stream_value(
    model: type[Page], name: str, blocks: list[tuple], spec: PageSpec, resolve: Resolve
):
    """The cleaned StreamValue of ``blocks``, or a ``ContentError``."""
    field = _field(model, name, spec)
    stream_block = field.stream_block
    for block_name, _value, where in blocks:
        if block_name not in stream_block.child_blocks:
            allowed = ", ".join(stream_block.child_blocks)
            raise ContentError(
                f"{spec.source}, {_where(where)}: a {model._meta.verbose_name} "
                f"cannot hold a {block_name} block here (it takes: {allowed})."
            )
    raw = [
        {"type": block_name, "value": resolve(block_name, value, spec)}
        for block_name, value, _where in blocks
    ]
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as exc:
        problems = _problems(exc, blocks)
        raise ContentError(f"{spec.source}: {'; '.join(problems)}") from exc


def _field(model: type[Page], name: str, spec: PageSpec):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        raise ContentError(
            f"{spec.source}: unknown setting {name!r} for a "
            f"{model._meta.verbose_name} (see demo/README.md)."
        ) from None


def _where(where) -> str:
    return f"line {where}" if isinstance(where, int) else str(where)


def _problems(exc: ValidationError, blocks: list[tuple]) -> list[str]:
    data = exc.as_json_data() if hasattr(exc, "as_json_data") else {}
    problems = list(data.get("messages", []))
    for index, error in (data.get("blockErrors") or {}).items():
        name, _value, where = blocks[int(index)]
        for path, message in _flatten(error):
            at = f" {path}" if path else ""
            problems.append(f"{_where(where)} ({name}{at}): {message}")
    return problems or list(exc.messages)


def _flatten(error, path: str = "") -> list[tuple[str, str]]:
    if isinstance(error, list):
        return [(path, str(message)) for message in error]
    if not isinstance(error, dict):
        return [(path, str(error))]
    found = [(path, str(message)) for message in error.get("messages", [])]
    children = error.get("blockErrors") or {}
    items = children.items() if isinstance(children, dict) else enumerate(children)
    for key, child in items:
        if child is not None:
            found += _flatten(child, f"{path} {key}".strip())
    return found
