"""Descent's two update paths (BLAS axpy from 16,384 elements, numpy below) and axpy's
address handling agree with the numpy expression ``p - eta * g``."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf
from typedflux.optimise import blas, state

rng = np.random.default_rng(11)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", [(3,), (128, 100), (300, 256)])
def test_update_on_small_and_large_parameters(dtype: Any, shape: Any) -> None:
    w = rng.normal(size=shape).astype(dtype)
    g = rng.normal(size=shape).astype(dtype)
    model = {"w": tf.tensor(w.copy(), dtype=dtype)}
    before = model["w"].data
    st = tf.setup(tf.Descent(0.125), model)
    tf.update(st, model, {"w": tf.tensor(g, dtype=dtype)})
    got = model["w"].numpy()
    assert model["w"].data is before and got.dtype == dtype  # in place
    big = int(np.prod(shape)) >= state._AXPY_MIN
    if big and blas.available():
        np.testing.assert_allclose(got, w - dtype(0.125) * g, rtol=1e-6, atol=1e-7)
    else:  # the numpy expression itself
        np.testing.assert_array_equal(got, w - dtype(0.125) * g)


def test_a_float64_gradient_on_a_float32_parameter() -> None:
    w = rng.normal(size=(200, 100)).astype(np.float32)
    g = rng.normal(size=(200, 100))
    model = {"w": tf.tensor(w.copy())}
    st = tf.setup(tf.Descent(0.5), model)
    tf.update(st, model, {"w": g})
    assert model["w"].dtype == np.float32
    np.testing.assert_array_equal(model["w"].numpy(), w - (0.5 * g).astype(np.float32))


@pytest.mark.skipif(not blas.available(), reason="no BLAS axpy bound (not numpy's wheel)")
def test_axpy_with_a_read_only_source_and_a_2d_target() -> None:
    x = rng.normal(size=(40, 30)).astype(np.float32)
    x.flags.writeable = False
    y = rng.normal(size=(40, 30)).astype(np.float32)
    want = y + np.float32(-2.0) * x
    assert blas.axpy(-2.0, x, y)
    np.testing.assert_allclose(y, want, rtol=1e-6, atol=1e-6)
    frozen = y.copy()
    frozen.flags.writeable = False
    assert not blas.axpy(1.0, x, frozen)  # a read-only target is refused
