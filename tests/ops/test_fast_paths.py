"""The performance paths agree with the plain ones: memory layouts of conv/pool buffers,
the small-batch dense GEMM, the joint model/gradient walk, and withgradient's one-pass
gradient structure (including parameters that get no gradient)."""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.tree import walk_with
from typedflux.ops.kernels.conv import col2im_cm, conv2d_backward, conv2d_forward, im2col_cm, like
from typedflux.ops.kernels.dense import dense_forward
from typedflux.ops.kernels.pool import maxpool2d_backward, maxpool2d_forward
from typedflux.optimise.state import _lookup

rng = np.random.default_rng(11)

CASES = [
    # x shape, kernel, stride, pad, dilation
    ((2, 3, 7, 6), (3, 3), (1, 1), (1, 1), (1, 1)),
    ((3, 2, 9, 8), (3, 2), (2, 1), (1, 2), (1, 1)),
    ((2, 1, 10, 10), (2, 3), (2, 3), (1, 0), (2, 1)),
    ((1, 2, 5, 5), (3, 3), (1, 1), (0, 0), (1, 1)),
]


def _chwn_backed(x: Any) -> Any:
    """The same values as ``x`` (NCHW), stored batch-innermost like a conv output."""
    return np.ascontiguousarray(x.transpose(1, 2, 3, 0)).transpose(3, 0, 1, 2)


def _out_hw(xs: Tuple[int, ...], k: Any, s: Any, p: Any, d: Any) -> Tuple[int, int]:
    return (
        (xs[2] + 2 * p[0] - d[0] * (k[0] - 1) - 1) // s[0] + 1,
        (xs[3] + 2 * p[1] - d[1] * (k[1] - 1) - 1) // s[1] + 1,
    )


@pytest.mark.parametrize("xs,k,s,p,d", CASES)
@pytest.mark.parametrize("layout", ["nchw", "chwn"])
def test_col2im_is_the_adjoint_of_im2col(xs: Any, k: Any, s: Any, p: Any, d: Any,
                                         layout: str) -> None:
    x = rng.normal(size=xs)
    if layout == "chwn":
        x = _chwn_backed(x)
    ohw = _out_hw(xs, k, s, p, d)
    cols = im2col_cm(x, k, s, p, d, ohw)
    g = rng.normal(size=cols.shape)
    gx = col2im_cm(g, xs, k, s, p, d, ohw)
    assert gx.shape == xs
    # <im2col(x), g> == <x, col2im(g)> for every x and g: the two are adjoint.
    np.testing.assert_allclose(float((cols * g).sum()), float((x * gx).sum()), rtol=1e-10)


@pytest.mark.parametrize("xs,k,s,p,d", CASES)
def test_conv_does_not_depend_on_the_input_layout(xs: Any, k: Any, s: Any, p: Any,
                                                  d: Any) -> None:
    x = rng.normal(size=xs)
    w, b = rng.normal(size=(4, xs[1], *k)), rng.normal(size=4)
    y1, c1 = conv2d_forward(x, w, b, s, p, d, "relu")
    y2, c2 = conv2d_forward(_chwn_backed(x), w, b, s, p, d, "relu")
    np.testing.assert_allclose(y1, y2, rtol=1e-12)
    g = rng.normal(size=y1.shape)
    for gg in (g, _chwn_backed(g)):  # a gradient in either memory order
        got = conv2d_backward(gg, c2, xs, w, s, p, d, y2, "relu", True)
        want = conv2d_backward(g, c1, xs, w, s, p, d, y1, "relu", True)
        for a, e in zip(got, want):
            np.testing.assert_allclose(a, e, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("window,stride,pad", [((2, 2), (2, 2), (0, 0)),
                                               ((3, 3), (2, 2), (1, 1))])
def test_maxpool_keeps_the_input_layout_and_values(window: Any, stride: Any,
                                                   pad: Any) -> None:
    x = rng.normal(size=(3, 2, 6, 6))
    xc = _chwn_backed(x)
    y, yc = maxpool2d_forward(x, window, stride, pad), maxpool2d_forward(xc, window,
                                                                            stride, pad)
    np.testing.assert_array_equal(y, yc)
    assert yc.transpose(1, 2, 3, 0).flags.c_contiguous  # still batch-innermost
    g = rng.normal(size=y.shape)
    want = maxpool2d_backward(g, x, y, window, stride, pad)
    for gg in (g, _chwn_backed(g)):
        np.testing.assert_array_equal(maxpool2d_backward(gg, xc, yc, window, stride, pad),
                                      want)


def test_like_reorders_only_when_the_layouts_differ() -> None:
    ref = _chwn_backed(rng.normal(size=(2, 3, 4, 5)))
    a = rng.normal(size=(2, 3, 4, 5))
    b = like(a, ref)
    np.testing.assert_array_equal(a, b)
    assert b.strides == ref.strides
    assert like(ref, ref) is ref


@pytest.mark.parametrize("rows", [1, 3, 7, 40])
def test_dense_forward_small_and_large_batches(rows: int) -> None:
    x, w, b = rng.normal(size=(rows, 5)), rng.normal(size=(8, 5)), rng.normal(size=8)
    y = dense_forward(x, w, b, "identity")
    np.testing.assert_allclose(y, x @ w.T + b, rtol=1e-12)
    assert y.flags.c_contiguous


def test_walk_with_follows_the_mirror_like_a_dotted_lookup() -> None:
    model = {"enc": [tf.ones(2), tf.ones(3)], "dec": tf.Dense(2, 3)}
    grads = {"enc": (tf.zeros(2), None), "dec": None}
    for name, _, _, entry in walk_with(model, grads):
        assert entry is _lookup(grads, name)


def test_withgradient_structure_with_and_without_gradients() -> None:
    class Two:
        def __init__(self) -> None:
            self.used = tf.ones(3)
            self.unused = tf.ones(2)
            self.shared = self.used

    m = Two()
    (g,) = tf.gradient(lambda m: (m.used * 2.0).sum(), m)
    assert g.unused is None  # nothing flows: None, not an empty tensor
    assert g.used is g.shared  # one gradient object for a shared tensor
    np.testing.assert_array_equal(g.used.numpy(), [2.0, 2.0, 2.0])
    d = tf.Dense(3, 2)
    (gd,) = tf.gradient(lambda d: d(tf.ones(4, 3)).sum(), d)
    assert gd.weight.shape == (2, 3) and gd.bias.shape == (2,)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_descent_update_matches_the_numpy_expression(dtype: Any) -> None:
    from typedflux.optimise.blas import axpy

    w = rng.normal(size=(5, 7)).astype(dtype)
    g = rng.normal(size=(5, 7)).astype(dtype)
    model = {"w": tf.tensor(w.copy(), dtype=dtype)}
    state = tf.setup(tf.Descent(0.25), model)
    tf.update(state, model, {"w": tf.tensor(g, dtype=dtype)})
    got = model["w"].numpy()
    assert got.dtype == dtype
    np.testing.assert_allclose(got, w - dtype(0.25) * g, rtol=1e-6)
    # Cases axpy must refuse (the caller then uses numpy): mixed dtypes, a strided target,
    # overlapping arrays.
    y = np.zeros((5, 7), dtype=np.float32)
    assert not axpy(1.0, g.astype(np.float64), y)
    assert not axpy(1.0, np.ones((5, 7), np.float32), np.zeros((7, 5), np.float32).T)
    assert not axpy(1.0, y, y)


def test_blas_axpy_is_found_where_numpy_bundles_openblas() -> None:
    """With numpy's wheel (its bundled OpenBLAS in numpy.libs) the fast update must bind, not
    silently fall back; and when bound it computes y += alpha * x in place."""
    import glob
    import os

    from typedflux.optimise import blas

    bundled = glob.glob(
        os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "numpy.libs", "libscipy_openblas*")
    )
    if os.environ.get("TYPEDFLUX_NO_BLAS_AXPY") or not bundled:
        pytest.skip("numpy here has no bundled OpenBLAS (or the fast path is switched off)")
    assert blas.available()
    y = np.ones(4, dtype=np.float32)
    assert blas.axpy(-0.5, np.full(4, 2.0, dtype=np.float32), y)
    assert y.tolist() == [0.0, 0.0, 0.0, 0.0]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_the_fused_relu_gives_the_bits_of_tf_relu_on_every_special_value(dtype: Any) -> None:
    # relu_ runs numpy's maximum against a cached zeros array (its SIMD loop), tf.relu against
    # the scalar 0: the same bits, special values included, at SIMD and tail lengths.
    from typedflux.ops.kernels.relu import maximum_agrees, relu_, special_values

    assert maximum_agrees(np.dtype(dtype))
    bits = np.dtype(f"u{np.dtype(dtype).itemsize}")
    values = special_values(np.dtype(dtype))
    for n in (1, 5, 16, 33):
        a = np.resize(values, (n, len(values)))
        want = tf.relu(tf.Tensor(a, dtype=dtype)).data
        got = relu_(a.copy())
        assert got.shape == a.shape
        np.testing.assert_array_equal(got.view(bits), want.view(bits))
    x, w = np.random.default_rng(0).standard_normal((2, 64, 32)).astype(dtype)
    fused = dense_forward(x, w, 0.0, "relu")
    np.testing.assert_array_equal(fused.view(bits), np.maximum(x @ w.T, 0).view(bits))


def test_the_fused_relu_keeps_the_scalar_where_the_loops_differ(monkeypatch: Any) -> None:
    from typedflux.ops.kernels import relu as r

    monkeypatch.setattr(r, "_AGREES", {np.dtype(np.float32): False})
    monkeypatch.setattr(r, "_ZEROS", {})
    a = np.array([[-1.0, 2.0]], np.float32)
    assert r.relu_(a) is a and a.tolist() == [[0.0, 2.0]] and not r._ZEROS
    assert not r.maximum_agrees(np.dtype(np.int64))
