"""Weight surgery: a layer whose parameters or settings the program assigns after building it
has unknown sizes (mypy_plugin/callbacks/resized_layers.py); one only tied to another
layer's parameter, or written into, keeps them."""

from __future__ import annotations

import contextlib
import io
import textwrap
from typing import List, Tuple

import pytest

import typedflux as tf
from plugin_run import Output
from plugin_snippets import SNIPPETS


def _source(name: str) -> List[str]:
    return textwrap.dedent(SNIPPETS[name]).lstrip().splitlines()


def test_grown_layers_are_clean_and_run(mypy_output: Output) -> None:
    assert mypy_output["resized_layers"] == []
    with contextlib.redirect_stdout(io.StringIO()):
        exec("\n".join(_source("resized_layers")), {"__name__": "resized"})  # noqa: S102


def test_tied_or_written_layers_keep_their_sizes(mypy_output: Output) -> None:
    got: List[Tuple[int, str]] = mypy_output["resized_layers_kept"]
    lines = _source("resized_layers_kept")
    assert [(n, text.split(" expects ")[0]) for n, text in got] == [
        (6, "error: Dense(8 => 4)"), (10, "error: Dense(8 => 10)")], got
    # The same two calls fail at run time, in the same words.
    for n, text in got:
        before = [line for i, line in enumerate(lines[:n - 1], start=1)
                  if i not in {m for m, _ in got}]
        scope: dict[str, object] = {}
        exec("\n".join(before), scope)  # noqa: S102
        with pytest.raises(tf.ShapeError) as raised:
            exec(lines[n - 1], scope)  # noqa: S102
        assert text.split("error: ")[1].split(";")[0] in str(raised.value)
