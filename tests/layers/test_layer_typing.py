"""mypy --strict accepts annotated code using every layer with no false errors: plain (no
plugin), keeping the sizes generics can carry (shape-preserving layers, global pools), and
with the plugin (a bare ``Chain`` annotation, ``chain[0]``, ``chain.layers[0]``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from mypy import api

from program_lines import mypy_cache

ROOT = Path(__file__).resolve().parents[2]

USER_CODE = '''
from typing import Literal, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

mlp = tf.Chain(tf.Dense(784, 32, tf.relu), tf.Dropout(0.1), tf.Dense(32, 10))
cnn = tf.Chain(tf.Conv((3, 3), 1, 8, tf.relu), tf.BatchNorm(8), tf.MaxPool((2, 2)),
               tf.Flatten(), tf.Dense(1352, 10))
seq = tf.Chain(tf.Embedding(100, 16), tf.LSTM(16, 32), tf.LayerNorm(32))
named = tf.Chain(enc=tf.Dense(4, 2), dec=tf.Dense(2, 4))
skip = tf.SkipConnection(tf.Dense(32, 32), tf.add)
par = tf.Parallel(tf.cat, tf.Dense(32, 3), tf.Dense(32, 4))
mha = tf.MultiHeadAttention(32, 4)


def predict(x: Tensor[B, Literal[784]]) -> Tensor[B, Literal[10]]:
    return mlp(x)


def classify(x: Tensor[B, Literal[1], Literal[28], Literal[28]]) -> Tensor[B, Literal[10]]:
    return cnn(x)


def encode(ids: Tensor[B, T]) -> Tensor[B, T, Literal[32]]:
    return mha(seq(ids))


def pooled(x: Tensor[B, Literal[8], Literal[5], Literal[5]]) -> None:
    reveal_type(tf.GlobalMeanPool()(x))
    reveal_type(tf.BatchNorm(8)(x))
    reveal_type(tf.ConvTranspose((2, 2), 8, 4, stride=2)(x))
    reveal_type(tf.AdaptiveMeanPool((2, 2))(x))


def residual(x: Tensor[B, Literal[32]]) -> Tensor[B, Literal[32]]:
    return skip(x)


y = named.enc(tf.ones(3, 4))
z = par(tf.ones(2, 32))
first = mlp[0]
weight = mlp.layers[0].weight
tf.freeze(mlp.layers[0])
encoder = named["enc"]
residual_mlp = tf.SkipConnection(tf.Chain(tf.Dense(32, 64, tf.relu), tf.Dense(64, 32)), tf.add)


def run(model: tf.Chain, x: Tensor[B, Literal[784]]) -> None:
    model(x)


run(mlp, tf.ones(2, 784))
print(tf.outputsize(mlp, (16, 784)), tf.summary(mlp, (16, 784)), len(mlp))
'''


def test_plain_mypy_accepts_layer_code(tmp_path: Path) -> None:
    src = tmp_path / "user_layers.py"
    src.write_text(textwrap.dedent(USER_CODE))
    out, err, status = api.run([
        "--strict", "--config-file", str(ROOT / "tests" / "mypy-strict.ini"),
        "--cache-dir", str(mypy_cache("layers-plain")), str(src),
    ])
    lines = [l.split(": ", 1)[1] for l in out.splitlines() if "user_layers.py" in l]
    assert status == 0, out + err
    assert lines == [
        'note: Revealed type is "typedflux.tensor.Tensor[B, Literal[8], Literal[1], Literal[1]]"',
        'note: Revealed type is "typedflux.tensor.Tensor[B, Literal[8], Literal[5], Literal[5]]"',
        'note: Revealed type is "typedflux.tensor.Tensor[B, Any, Any, Any]"',
        'note: Revealed type is "typedflux.tensor.Tensor[B, Literal[8], Any, Any]"',
    ]


def test_plugin_strict_accepts_layer_code(tmp_path: Path) -> None:
    src = tmp_path / "user_layers.py"
    src.write_text(textwrap.dedent(USER_CODE))
    config = tmp_path / "strict.ini"
    strict = (ROOT / "tests" / "mypy-strict.ini").read_text()
    config.write_text(strict.replace("[mypy]", "[mypy]\nplugins = mypy_plugin", 1))
    out, err, status = api.run([
        "--strict", "--config-file", str(config),
        "--cache-dir", str(mypy_cache("layers-plugin-strict")), str(src),
    ])
    errors = [l for l in out.splitlines() if "user_layers.py" in l and ": error:" in l]
    assert status == 0 and not errors, out + err
