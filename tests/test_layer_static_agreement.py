"""``tf.outputsize``, the runtime and the static checker agree on every layer (one mypy run).

Derived from the registry's example table (``tests/layers/layer_examples.py``): each layer is
written once as source; the same text is type-checked (``reveal_type`` of the layer applied to
a ``tf.zeros`` input) and evaluated at run time, where ``tf.outputsize`` and the real forward
give the shape the checker must have revealed. Then the constructor checks: for every size
argument of every spec, a value no input could make valid is a ``[shape]`` error on its line
in mypy, with the words the runtime raises.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import typedflux as tf
from typedflux.shapes.layers import LAYERS, ArgKind, LayerArgumentError
from mypy_run import Report, run_mypy

from layers.layer_examples import EXAMPLES, Example, all_examples

ROWS: List[Tuple[str, Example]] = all_examples()
HEADER = ["import typedflux as tf", "from typing_extensions import reveal_type"]


def _bad_calls() -> List[Tuple[str, str]]:
    """(source of a constructor call, the runtime's message) for out-of-range sizes."""
    out = []
    for name, spec in sorted(LAYERS.items()):
        example = EXAMPLES[name][0]
        layer = eval(example.source, {"tf": tf})  # noqa: S307 - our own table
        for i, p in enumerate(spec.params):
            if p.kind not in (ArgKind.SIZE, ArgKind.WINDOW, ArgKind.PADDING,
                              ArgKind.CONV_PADDING):
                continue
            args = [repr(a) if not callable(a) else f"tf.{a.__name__}"
                    for a in layer._arguments()]
            args[i] = "-1"
            source = f"tf.{name}({', '.join(args)})"
            with pytest.raises(LayerArgumentError) as info:
                eval(source, {"tf": tf})  # noqa: S307
            out.append((source, info.value.message))
    return out


BAD = _bad_calls()


def _source() -> str:
    lines = list(HEADER)
    for _, e in ROWS:
        dtype = ", dtype=tf.int64" if e.ints else ""
        lines.append(f"reveal_type(({e.source})(tf.zeros({', '.join(map(str, e.shape))}{dtype})))")
    lines += [f"bad_{i} = {source}" for i, (source, _) in enumerate(BAD)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Dict[int, List[Report]]:
    tmp = tmp_path_factory.mktemp("layer_table")
    (tmp / "table.py").write_text(_source())
    out: Dict[int, List[Report]] = {}
    for r in run_mypy(["table.py"], tmp):
        out.setdefault(r.line, []).append(r)
    return out


def _dims(revealed_type: str) -> Tuple[object, ...]:
    m = re.fullmatch(r"typedflux\.tensor\.Tensor\[(.*)\]", revealed_type)
    assert m, revealed_type
    dims = []
    for part in m.group(1).split(", "):
        lit = re.fullmatch(r"Literal\[(\d+)\]", part)
        dims.append(int(lit.group(1)) if lit else part)
    return tuple(dims)


@pytest.mark.parametrize("index", range(len(ROWS)), ids=[e.source for _, e in ROWS])
def test_static_output_shape_is_outputsize(index: int, reports: Dict[int, List[Report]]) -> None:
    _, e = ROWS[index]
    layer = eval(e.source, {"tf": tf})  # noqa: S307 - our own table
    x = tf.zeros(*e.shape, dtype=tf.int64) if e.ints else tf.zeros(*e.shape)
    real = layer(x).shape
    assert tf.outputsize(layer, e.shape) == real
    (r,) = reports[index + len(HEADER) + 1]
    m = re.match(r'^Revealed type is "(.*)"$', r.text)
    assert r.kind == "note" and m, r
    assert _dims(m.group(1)) == real, m.group(1)


@pytest.mark.parametrize("index", range(len(BAD)), ids=[s for s, _ in BAD])
def test_out_of_range_sizes_are_static_errors(index: int, reports: Dict[int, List[Report]]) -> None:
    source, message = BAD[index]
    line = len(HEADER) + len(ROWS) + index + 1
    got = [(r.kind, r.text, r.code) for r in reports.get(line, [])]
    assert got == [("error", message, "shape")], (source, got)


def test_every_layer_is_in_the_table() -> None:
    assert {n for n, _ in ROWS} >= set(LAYERS)
