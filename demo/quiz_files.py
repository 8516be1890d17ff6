"""A quiz file (YAML) as QuizPage fields and its question blocks.

Each question has a ``kind``: ``single`` (exactly one correct answer),
``multiple`` (select all that apply) or ``true_false``. Answers are a list:
a plain line is a wrong answer, ``correct: …`` a right one. A true/false
question has ``answer: true`` or ``answer: false`` instead. ``intro`` and each
``explanation`` are Markdown. A question may name its ``section`` (for a quiz
that draws some questions from each, ``draw_per_section``).
"""

from __future__ import annotations

from pathlib import Path

from demo.directives import ContentError
from demo.rich_text import MarkdownError, rich_text
from demo.yaml_files import yaml_read

KINDS = {
    "single": "single_choice",
    "multiple": "multiple_select",
    "true_false": "true_false",
}


def quiz_read(path: Path) -> tuple[dict, list[tuple]]:
    """(QuizPage fields, ``[(block_name, value, "question N"), …]``)."""
    fields = yaml_read(path)
    questions = fields.pop("questions", None)
    if not questions:
        raise ContentError(f"{path}: a quiz needs a list of questions.")
    if "intro" in fields:
        fields["intro"] = _rich(fields["intro"], path, "the intro")
    return fields, [
        _question(question, path, f"question {n}")
        for n, question in enumerate(questions, start=1)
    ]


def _question(data: dict, path: Path, where: str) -> tuple:
    if not isinstance(data, dict):
        raise ContentError(f"{path}, {where}: expected kind, question, answers.")
    kind = KINDS.get(data.get("kind"))
    if kind is None:
        raise ContentError(
            f"{path}, {where}: kind must be one of {', '.join(KINDS)}, "
            f"not {data.get('kind')!r}."
        )
    known = {"kind", "question", "answers", "answer", "explanation", "section"}
    if unknown := set(data) - known:
        raise ContentError(
            f"{path}, {where}: unknown keys {', '.join(sorted(unknown))}."
        )
    value = {
        "prompt": data.get("question", ""),
        "explanation": _rich(data.get("explanation", ""), path, where),
    }
    if data.get("section"):
        value["section"] = data["section"]
    if kind == "true_false":
        if not isinstance(data.get("answer"), bool):
            raise ContentError(f"{path}, {where}: answer must be true or false.")
        value["correct_answer"] = "true" if data["answer"] else "false"
    else:
        answers = data.get("answers") or []
        value["choices"] = [_choice(answer, path, where) for answer in answers]
    return (kind, value, where)


def _choice(answer, path: Path, where: str) -> dict:
    if isinstance(answer, str):
        return {"text": answer, "is_correct": False}
    if isinstance(answer, dict) and set(answer) == {"correct"}:
        return {"text": answer["correct"], "is_correct": True}
    raise ContentError(
        f"{path}, {where}: an answer is a line of text, or 'correct: ' and its text."
    )


def _rich(text: str, path: Path, where: str) -> str:
    try:
        return rich_text(text)
    except MarkdownError as exc:
        raise ContentError(f"{path}, {where}: {exc}") from exc
