"""Arguments of calls that run no hook of their own (callbacks/reworded_arguments.py): mypy's
``[arg-type]`` error there is a ``[shape]`` error in the signature hook's words when the
argument's own hook typed it; a bare name keeps mypy's error. (``super()`` calls, with their
run-time twins: tests/typecheck/case_boundaries_unhooked_calls.py.)"""

from __future__ import annotations

from typing import List, Tuple

import pytest

from mypy_plugin.callbacks.reworded_arguments import argument_words
from plugin_run import Output


def test_library_calls_are_shape_errors_in_shape_words(mypy_output: Output) -> None:
    got: List[Tuple[int, str]] = mypy_output["unhooked_arguments"]
    assert got[:2] == [
        (9, 'error: Argument "default" of "field" has shape Tensor[2, 8], which does not match '
            'the annotation Tensor[2, 16]: axis 1 is 8, expected 16  [shape]'),
        (12, 'error: Argument "h" of "State.replace" has shape Tensor[2, 4], which does not '
             'match the annotation Tensor[2, 16]: axis 1 is 4, expected 16  [shape]'),
    ], got
    # ``wrong`` is a bare name: no hook typed it there, so mypy's own error stays.
    assert [(n, text.endswith("[arg-type]")) for n, text in got[2:]] == [(15, True)], got


def test_unnamed_callees_and_typeddict_items(mypy_output: Output) -> None:
    """A callable read from a container (``self.table["f"](x)``: mypy's ``Argument 1 has
    incompatible type``, no callee named) is named by its text; an item of a TypedDict built
    by calling it (mypy's ``[typeddict-item]``) is an argument named by its key. A bare name
    there keeps mypy's error."""
    got: List[Tuple[int, str]] = mypy_output["unnamed_callees"]
    assert got[:2] == [
        (16, "error: Argument \"#1\" of \"self.table['f']\" has shape Tensor[2, 7], which "
             "does not match the annotation Tensor[2, 4]: axis 1 is 7, expected 4  [shape]"),
        (24, 'error: Argument "h" of "State" has shape Tensor[2, 9], which does not match the '
             'annotation Tensor[2, 16]: axis 1 is 9, expected 16  [shape]'),
    ], got
    assert [(n, text.endswith("[typeddict-item]")) for n, text in got[2:]] == [(27, True)], got


@pytest.mark.parametrize("message", [
    "Incompatible return value type (got \"A\", expected \"B\")",
    'Argument 1 to "f" has incompatible type "A"; expected "B"',  # (not these types)
])
def test_other_messages_are_left_alone(message: str) -> None:
    from mypy.nodes import Block, ClassDef, SymbolTable, TypeInfo
    from mypy.options import Options
    from mypy.types import AnyType, Instance, TypeOfAny

    info = TypeInfo(SymbolTable(), ClassDef("Tensor", Block([])), "m")
    tensor = Instance(info, [])
    anything = AnyType(TypeOfAny.special_form)
    assert argument_words(message, anything, tensor, tensor, Options(), None) is None
