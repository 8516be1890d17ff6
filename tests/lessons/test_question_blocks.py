"""Quiz question blocks in the editor: a new choice question opens ready to type.

Wagtail's editor builds a new block of a StreamBlock from the child's
``get_default()`` (``StreamBlockAdapter.js_args``: the initial child states),
and its ListBlock shows "The minimum number of items is N" in the browser as
soon as it holds fewer than ``minNum`` rows. So a new single-choice question
must start with two answer rows, while saving still refuses fewer than two.
"""

from __future__ import annotations

from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockAdapter

import pytest

from lessons.blocks import (
    MultipleSelectQuestionBlock,
    QuizQuestionsBlock,
    SingleChoiceQuestionBlock,
)

MIN_ITEMS = "The minimum number of items is 2"


def _list_errors(block, choices) -> list[str]:
    """The messages the choices list itself raises (not its rows), on save."""
    try:
        block.child_blocks["choices"].clean(choices)
    except ListBlockValidationError as error:
        return [m for e in error.non_block_errors.as_data() for m in e.messages]
    return []


@pytest.mark.parametrize(
    "block_class", [SingleChoiceQuestionBlock, MultipleSelectQuestionBlock]
)
def test_a_new_choice_question_starts_with_two_empty_answers(block_class):
    # Given a choice question block as the editor creates it
    value = block_class().get_default()

    # Then it holds two empty answer rows, so the minimum is already met
    assert len(value["choices"]) == 2
    assert all(choice["text"] == "" for choice in value["choices"])
    assert MIN_ITEMS not in _list_errors(block_class(), value["choices"])


def test_the_editor_adds_a_single_choice_question_with_two_answer_rows():
    # Given the quiz's question stream as Wagtail's editor receives it
    _name, _children, initial_states, _meta = StreamBlockAdapter().js_args(
        QuizQuestionsBlock()
    )

    # Then a new single-choice question's initial state has two answer rows
    assert len(initial_states["single_choice"]["choices"]) == 2


def test_a_question_with_one_answer_is_still_refused():
    # Given a single-choice question left with only one answer
    block = SingleChoiceQuestionBlock()
    value = block.to_python(
        {"prompt": "Who?", "choices": [{"text": "Counsel", "is_correct": True}]}
    )

    # When it is saved, then the list refuses it
    assert MIN_ITEMS in _list_errors(block, value["choices"])
