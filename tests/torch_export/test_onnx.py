"""An exported model goes to ONNX with torch 2.13's default exporter (``dynamo=True``, which
needs ``onnxscript``), and onnxruntime computes typedflux's outputs."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnx")
pytest.importorskip("onnxscript")
ort = pytest.importorskip("onnxruntime")

import typedflux as tf  # noqa: E402
from typedflux.torch import to_torch  # noqa: E402


def cnn() -> Any:
    return tf.Chain(tf.Conv((3, 3), 1, 4, tf.relu, pad=1), tf.BatchNorm(4), tf.MaxPool((2, 2)),
                    tf.Flatten(), tf.Dense(64, 16, tf.gelu), tf.Dropout(0.5), tf.Dense(16, 3))


def sequence() -> Any:
    return tf.Chain(tf.Embedding(20, 8), tf.LSTM(8, 8), tf.GRU(8, 8),
                    tf.SkipConnection(tf.MultiHeadAttention(8, 2), tf.add), tf.LayerNorm(8),
                    tf.Dense(8, 5))


@pytest.mark.parametrize("make,x", [
    (cnn, lambda g: g.standard_normal((2, 1, 8, 8)).astype(np.float32)),
    (sequence, lambda g: g.integers(0, 20, size=(2, 6))),
], ids=["cnn", "sequence"])
def test_onnx_runtime_computes_typedflux_outputs(make: Callable[[], Any], x: Any,
                                                 tmp_path: Path) -> None:
    tf.seed(0)
    model = make()
    x = x(np.random.default_rng(0))
    # Running statistics that are not the initial (0, 1), so test mode is really checked.
    tf.trainmode(model)
    model(tf.tensor(x))
    tf.testmode(model)
    expected = model(tf.tensor(x)).numpy()

    module = to_torch(model).eval()
    path = tmp_path / "model.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter's deprecation chatter
        torch.onnx.export(module, (torch.from_numpy(x),), str(path), dynamo=True)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (name,) = [i.name for i in session.get_inputs()]
    (got,) = session.run(None, {name: x})
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() <= 1e-5 * max(1.0, float(np.abs(expected).max()))
