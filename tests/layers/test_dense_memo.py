"""Dense's fast call (memoised layer check, the dense primitive called directly) follows
changes to the layer and the input; saved VJP values live exactly as long as they are
needed; the cached ones vectors cannot be written to."""

from __future__ import annotations

import gc

import numpy as np
import pytest

import typedflux as tf
from typedflux.ops.kernels.common import ones
from typedflux.ops import layers_nn as F
from typedflux.ops import losses_nn as L


def _expected(d: tf.Dense, x: np.ndarray, act: object) -> np.ndarray:
    pre = x @ d.weight.numpy().T
    if d.bias is not None:
        pre = pre + d.bias.numpy()
    return np.asarray(act(tf.tensor(pre)).numpy())  # type: ignore[operator]


def test_a_wrong_input_after_good_calls_is_still_a_layer_error() -> None:
    d = tf.Dense(4, 3, tf.relu)
    for _ in range(3):
        d(tf.ones(2, 4))
    with pytest.raises(tf.ShapeError, match=r"Dense\(4 => 3, relu\) expects input"):
        d(tf.ones(2, 5))


def test_changed_activation_weight_and_bias_are_used() -> None:
    tf.seed(0)
    d = tf.Dense(4, 3, tf.relu)
    x = np.random.default_rng(0).standard_normal((5, 4)).astype(np.float32)
    tx = tf.tensor(x)
    for _ in range(2):
        np.testing.assert_allclose(d(tx).numpy(), _expected(d, x, tf.relu), rtol=1e-6)
    d.activation = tf.tanh  # a fused activation
    np.testing.assert_allclose(d(tx).numpy(), _expected(d, x, tf.tanh), rtol=1e-6, atol=1e-7)
    d.activation = tf.gelu  # not fused: applied after the dense op
    for _ in range(2):
        np.testing.assert_allclose(d(tx).numpy(), _expected(d, x, tf.gelu), rtol=1e-5, atol=1e-6)
    d.bias = None
    np.testing.assert_allclose(d(tx).numpy(), _expected(d, x, tf.gelu), rtol=1e-5, atol=1e-6)
    d.weight = tf.tensor(np.ones((3, 6), dtype=np.float32))  # now a 6 => 3 layer
    with pytest.raises(tf.ShapeError, match=r"Dense\(6 => 3, gelu, bias=False\) expects input"):
        d(tx)
    assert d(tf.ones(5, 6)).shape == (5, 3)


def test_an_unhashable_callable_activation_works() -> None:
    class Scale:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return x * 2.0

    d = tf.Dense(2, 2, Scale())
    x = tf.ones(1, 2)
    first = d(x).numpy()
    np.testing.assert_array_equal(d(x).numpy(), first)
    np.testing.assert_allclose(first, _expected(d, x.numpy(), Scale()), rtol=1e-6)


def test_dense_gradients_with_the_memo_match_a_fresh_layer() -> None:
    tf.seed(1)
    d = tf.Dense(3, 2, tf.sigmoid)
    x = tf.tensor(np.random.default_rng(1).standard_normal((4, 3)).astype(np.float32))
    g1 = tf.gradient(lambda m, xx: m(xx).sum(), d, x)
    g2 = tf.gradient(lambda m, xx: m(xx).sum(), d, x)  # second call: memo hit
    fresh = tf.Dense(3, 2, tf.sigmoid)
    fresh.weight, fresh.bias = d.weight, d.bias
    g3 = tf.gradient(lambda m, xx: m(xx).sum(), fresh, x)  # first call: full check
    for a, b in ((g1, g2), (g1, g3)):
        assert a[0] == b[0]
        np.testing.assert_array_equal(a[1].numpy(), b[1].numpy())


def test_saved_values_go_with_their_output_or_their_vjp() -> None:
    before = len(F._SAVED)
    logits = tf.tensor(np.array([[1.0, 2.0, 0.5]], dtype=np.float32))
    target = tf.tensor(np.array([[0.0, 1.0, 0.0]], dtype=np.float32))
    # Recorded but never differentiated: the entry goes when the loss value is collected.
    tape = tf.engine.Tape()
    with tape:
        tape.watch(logits)
        out = L.p_logitcrossentropy.invoke(logits, target, "mean")
    assert len(F._SAVED) == before + 1
    tape.free()
    del out
    gc.collect()
    assert len(F._SAVED) == before
    # Differentiated: the VJP takes the entry, though the loss value is still alive.
    val, (g,) = tf.withgradient(lambda z: tf.losses.logitcrossentropy(z, target), logits)
    assert len(F._SAVED) == before and val.item() > 0
    p = np.exp(logits.numpy()) / np.exp(logits.numpy()).sum()
    np.testing.assert_allclose(g.numpy(), p - target.numpy(), rtol=1e-5)
    # Outside a tape nothing is saved.
    L.p_logitcrossentropy.invoke(logits, target, "mean")
    assert len(F._SAVED) == before


def test_cached_ones_are_read_only_and_per_dtype() -> None:
    a = ones(4, np.dtype(np.float32))
    assert a is ones(4, np.dtype(np.float32)) and a.dtype == np.float32
    assert ones(4, np.dtype(np.float64)).dtype == np.float64
    with pytest.raises(ValueError):
        a[0] = 2.0
    np.testing.assert_array_equal(a, np.ones(4))
