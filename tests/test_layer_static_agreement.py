"""``tf.outputsize`` and the static checker agree on every layer (one mypy run for the table).

Each layer is written once as source; the same text is type-checked (``reveal_type`` of the
layer applied to a ``tf.zeros`` input) and evaluated at run time, where ``tf.outputsize`` and
the real forward give the shape the checker must have revealed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import typedflux as tf
from mypy_run import run_mypy

# (layer constructor source, input shape)
TABLE: List[Tuple[str, Tuple[int, ...]]] = [
    ("tf.Dense(784, 32, tf.relu)", (16, 784)),
    ("tf.Dense(16 * 5 * 5, 120)", (3, 400)),
    ("tf.Conv((3, 3), 1, 8, tf.relu)", (2, 1, 28, 28)),
    ("tf.Conv((3, 3), 1, 8, stride=2, pad=1)", (2, 1, 28, 28)),
    ("tf.Conv((5, 3), 2, 4, dilation=2)", (2, 2, 20, 20)),
    ("tf.ConvTranspose((3, 3), 8, 1, stride=2)", (2, 8, 13, 13)),
    ("tf.ConvTranspose((4, 4), 3, 2, stride=2, pad=1)", (2, 3, 7, 7)),
    ("tf.MaxPool((2, 2))", (2, 3, 8, 8)),
    ("tf.MaxPool((3, 3), stride=2, pad=1)", (2, 3, 9, 9)),
    ("tf.MeanPool((2, 2))", (2, 3, 8, 7)),
    ("tf.GlobalMaxPool()", (2, 3, 8, 8)),
    ("tf.GlobalMeanPool()", (2, 3, 8, 8)),
    ("tf.AdaptiveMeanPool((4, 4))", (2, 3, 8, 8)),
    ("tf.Flatten()", (2, 3, 4, 4)),
    ("tf.BatchNorm(3)", (2, 3, 8, 8)),
    ("tf.LayerNorm(16)", (2, 5, 16)),
    ("tf.Dropout(0.5)", (2, 5)),
    ("tf.RNN(16, 32)", (2, 7, 16)),
    ("tf.LSTM(16, 32)", (2, 7, 16)),
    ("tf.GRU(16, 32)", (2, 7, 16)),
    ("tf.MultiHeadAttention(16, 4)", (2, 7, 16)),
    ("tf.SkipConnection(tf.Dense(16, 16), tf.add)", (2, 16)),
    ("tf.Parallel(tf.cat, tf.Dense(16, 4), tf.Dense(16, 6))", (2, 16)),
    ("tf.Chain(tf.Conv((3, 3), 1, 8, tf.relu), tf.MaxPool((2, 2)), tf.Flatten(), tf.Dense(1352, 10))",
     (4, 1, 28, 28)),
    ("tf.Chain(tf.Dense(4, 8, tf.relu), tf.Dense(8, 3))", (5, 4)),
    ("tf.relu", (2, 3)),
]
INT_INPUT = [("tf.Embedding(100, 16)", (2, 7))]


def _source() -> str:
    lines = ["import typedflux as tf", "from typing_extensions import reveal_type"]
    for layer, shape in TABLE:
        lines.append(f"reveal_type(({layer})(tf.zeros({', '.join(map(str, shape))})))")
    for layer, shape in INT_INPUT:
        lines.append(f"reveal_type(({layer})(tf.zeros({', '.join(map(str, shape))}, dtype=tf.int64)))")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def revealed(tmp_path_factory: pytest.TempPathFactory) -> Dict[int, str]:
    tmp = tmp_path_factory.mktemp("layer_table")
    (tmp / "table.py").write_text(_source())
    out: Dict[int, str] = {}
    for r in run_mypy(["table.py"], tmp):
        m = re.match(r"^Revealed type is \"(.*)\"$", r.text)
        assert r.kind == "note" and m, f"unexpected mypy output: {r}"
        out[r.line] = m.group(1)
    return out


def _dims(revealed_type: str) -> Tuple[object, ...]:
    m = re.fullmatch(r"typedflux\.tensor\.Tensor\[(.*)\]", revealed_type)
    assert m, revealed_type
    dims = []
    for part in m.group(1).split(", "):
        lit = re.fullmatch(r"Literal\[(\d+)\]", part)
        dims.append(int(lit.group(1)) if lit else part)
    return tuple(dims)


CASES = [(layer, shape, False) for layer, shape in TABLE] + [(l, s, True) for l, s in INT_INPUT]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[0] for c in CASES])
def test_static_output_shape_is_outputsize(index: int, revealed: Dict[int, str]) -> None:
    layer_src, shape, ints = CASES[index]
    layer = eval(layer_src, {"tf": tf})  # noqa: S307 - our own table
    x = tf.zeros(*shape, dtype=tf.int64) if ints else tf.zeros(*shape)
    real = layer(x).shape
    assert tf.outputsize(layer, shape) == real
    assert _dims(revealed[index + 3]) == real, revealed[index + 3]
