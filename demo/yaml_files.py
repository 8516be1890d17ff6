"""YAML for the content files: safe loading, errors that name the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from demo.directives import ContentError


def yaml_parse(text: str, source: Path) -> dict:
    """The mapping ``text`` holds (front matter or a whole file)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ContentError(f"{source}: this is not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(f"{source}: expected 'name: value' lines.")
    return data


def yaml_read(path: Path) -> dict:
    if not path.exists():
        raise ContentError(f"{path}: the file is missing.")
    return yaml_parse(path.read_text(encoding="utf-8"), path)
