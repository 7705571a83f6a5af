"""The layer input dtype policy (Flux's): every layer with float maths computes in its
parameters' float dtype (float32 for a parameterless one given integers), so integer and bool
input is promoted, never truncated; float64 input to float32 parameters is converted with one
PrecisionWarning per layer; max pooling and Flatten keep an integer input's dtype (exact);
Embedding takes integer ids only. Checked on every exported layer (the zoo)."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest

import typedflux as tf
from typedflux.ops.kernels.common import PrecisionWarning
from zoo import example, input_for, layer_names, outputs, total

FLOAT_LAYERS = [n for n in layer_names() if example(n)[2] != np.int64]
# Layers that only select or move values: an integer input keeps its dtype.
EXACT = {"MaxPool", "GlobalMaxPool", "Flatten", "Dropout", "PixelShuffle"}


def _run(layer: Any, x: Any) -> Any:
    tf.testmode(layer)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PrecisionWarning)
        return layer(x)


def test_the_examples_from_the_issue() -> None:
    x = tf.tensor([[[[1, 2], [2, 2]]]])
    assert tf.MeanPool((2, 2))(x).numpy().ravel().tolist() == [1.75]
    assert tf.AdaptiveMeanPool((1, 1))(x).numpy().ravel().tolist() == [1.75]
    y = tf.LayerNorm(2)(tf.tensor([[1, 3]]))
    assert y.dtype == np.float32 and np.allclose(y.numpy(), [[-1, 1]], atol=1e-4)
    bn = tf.BatchNorm(2)(tf.tensor([[1, 3], [2, 5]]))
    assert bn.dtype == np.float32 and np.allclose(bn.numpy(), [[1, 3], [2, 5]], rtol=1e-4)


@pytest.mark.parametrize("name", FLOAT_LAYERS)
@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.uint8, np.bool_])
def test_integer_and_bool_input_is_promoted_not_truncated(name: str, dtype: Any) -> None:
    layer, shape, _ = example(name)
    values = np.random.default_rng(0).integers(0, 4, size=shape)
    if dtype is np.bool_:
        values = values > 1
    ints = tf.tensor(values, dtype=dtype)
    floats = tf.tensor(values, dtype=np.float32)
    for got, want in zip(outputs(_run(layer, ints)), outputs(_run(layer, floats))):
        if name in EXACT:
            assert got.dtype == ints.dtype
            np.testing.assert_array_equal(got.numpy(), want.numpy())
        else:
            assert got.dtype == np.float32, got.dtype
            assert got.numpy().tobytes() == want.numpy().tobytes()


def test_max_pool_of_integers_with_padding_is_exact() -> None:
    x = tf.tensor(np.array([[[[-5, -7], [-9, -6]]]]))
    assert tf.MaxPool((2, 2), stride=1, pad=1)(x).numpy().ravel().tolist() == [
        -5, -5, -7, -5, -5, -6, -9, -6, -6]


@pytest.mark.parametrize("name", [n for n in FLOAT_LAYERS if tf.named_params(example(n)[0])])
def test_float64_input_is_converted_with_one_warning_per_layer(name: str) -> None:
    layer, shape, _ = example(name)
    tf.testmode(layer)
    x64 = input_for(shape, np.float64)
    x32 = tf.tensor(x64.numpy(), dtype=np.float32)
    with pytest.warns(PrecisionWarning, match="with float32 parameters .* got float64 input"):
        y = layer(x64)
    # add(layer(x), x) meets x itself in float64 (SkipConnection, PairwiseFusion's fusions).
    if name not in ("SkipConnection", "PairwiseFusion"):
        assert y.dtype == np.float32
        assert y.numpy().tobytes() == layer(x32).numpy().tobytes()
    with warnings.catch_warnings():
        warnings.simplefilter("error", PrecisionWarning)
        layer(x64)  # once per layer
        (g,) = tf.gradient(lambda x: total(layer(x)), x64)
    # The gradient reaches the float64 input in its own dtype, with the float32 values (up
    # to rounding where a container also uses x itself, in float64: SkipConnection's add).
    (g32,) = tf.gradient(lambda x: total(layer(x)), x32)
    assert g.dtype == np.float64
    np.testing.assert_allclose(g.numpy(), g32.numpy(), rtol=1e-6, atol=1e-6)


def test_float64_models_take_float32_input_silently() -> None:
    d = tf.Dense(3, 2)
    for _, t in tf.named_tensors(d):
        t.data = t.data.astype(np.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PrecisionWarning)
        y = d(tf.ones(4, 3))
    assert y.dtype == np.float64


def test_parameterless_layers_keep_float64() -> None:
    x = tf.ones(1, 1, 4, 4, dtype=np.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PrecisionWarning)
        assert tf.MeanPool((2, 2))(x).dtype == np.float64
        assert tf.GlobalMeanPool()(x).dtype == np.float64


def test_embedding_needs_integer_ids() -> None:
    e = tf.Embedding(5, 2)
    with pytest.raises(TypeError, match="needs integer ids, got float32"):
        e(tf.tensor([[1.0, 2.0]]))
    with pytest.raises(TypeError, match="needs integer ids, got bool"):
        e(tf.tensor([[True]]))
    assert e(tf.tensor([[1, 2]], dtype=np.uint8)).shape == (1, 2, 2)
