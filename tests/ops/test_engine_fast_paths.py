"""The elementwise fast paths agree with the general ones: the broadcasting rule's first case
(taken without calling the rule), Python numbers as cached 0-d arrays, and the tape's exact
nodes (no reduction or cast in backward) and small-array accumulation."""

from __future__ import annotations

import operator
from typing import Any, Callable, Tuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux.ops.registry import REGISTRY, scalar_like
from typedflux.shapes.catalog import SPECS, Kind

ELEMENTWISE = sorted(n for n, s in SPECS.items() if s.elementwise)

def _tensors(name: str) -> int:
    return sum(a.kind is Kind.TENSOR for a in SPECS[name].args)


BINARY = [n for n in ELEMENTWISE if _tensors(n) == 2]
UNARY = [n for n in ELEMENTWISE if _tensors(n) == 1]
shapes = st.lists(st.integers(1, 5), min_size=0, max_size=4).map(tuple)


def test_the_elementwise_ops_are_flagged() -> None:
    assert {"add", "sub", "mul", "div", "pow", "maximum", "minimum", "eq", "lt"} <= set(BINARY)
    assert {"neg", "exp", "log", "tanh", "sigmoid", "relu", "abs"} <= set(UNARY)
    assert not {"matmul", "where", "sum", "softmax", "transpose"} & set(ELEMENTWISE)


@pytest.mark.parametrize("name", ELEMENTWISE)
@settings(max_examples=30, deadline=None)
@given(s=shapes)
def test_elementwise_rules_pass_equal_shapes_and_scalars_through(
    name: str, s: Tuple[int, ...]
) -> None:
    # The runtime skips the rule in exactly these cases (OpSpec.elementwise): hold it to that.
    rule = SPECS[name].rule
    if name in UNARY:
        extra = {a.name: a.default for a in SPECS[name].args[1:]}
        assert tuple(rule(x=s, **extra)) == s
    else:
        assert tuple(rule(x=s, y=s)) == s
        assert tuple(rule(x=s, y=())) == s


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("name", ELEMENTWISE)
def test_float_elementwise_ops_keep_shape_and_dtype(name: str, dtype: Any) -> None:
    # What the fast lanes assume (and record as exact nodes): same-dtype float inputs of one
    # shape give that shape and dtype, and so do their gradients.
    r = np.random.default_rng(1)
    k = _tensors(name)
    params = [a.default for a in SPECS[name].args[k:]]
    xs = [tf.tensor(r.uniform(0.5, 2.0, (2, 3)), dtype=dtype) for _ in range(k)]
    out = REGISTRY[name].invoke(*xs, *params)
    assert out.shape == (2, 3)
    if not SPECS[name].differentiable:
        return
    assert out.numpy().dtype == dtype
    for g in tf.gradient(lambda *a: REGISTRY[name].invoke(*a, *params).sum(), *xs):
        assert g.shape == (2, 3) and g.numpy().dtype == dtype
    if name in BINARY:
        out = REGISTRY[name].invoke(xs[0], 0.75)
        assert out.shape == (2, 3) and out.numpy().dtype == dtype


def _expected(op: Callable[[Any, Any], Any], a: Any, v: Any) -> Any:
    # numpy's own answer, with typedflux's one documented change: float64 that came only
    # from promoting a non-float64 array is float32 ("no float64 creep").
    with np.errstate(all="ignore"):
        r = np.asarray(op(a, v))
        if r.dtype == np.float64 and a.dtype != np.float64:
            r = r.astype(np.float32)
    return r


NUMBERS = [0.9, -0.0, 0.0, 2, -3, 1e300, -1e-45, float("nan"), float("inf"), True, 7.5e29]
OPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.pow]


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16, np.int64])
@pytest.mark.parametrize("op", OPS, ids=lambda o: o.__name__)
def test_python_numbers_give_numpys_result_on_either_side(op: Any, dtype: Any) -> None:
    a = np.array([-2.5, -1.0, 0.0, 0.5, 3.0, 1e4], dtype=np.float64).astype(dtype)
    t = tf.tensor(a, dtype=dtype)
    for v in NUMBERS:
        for tf_op, np_op in ((op, op), (lambda p, q: op(q, p), lambda p, q: op(q, p))):
            try:
                want = _expected(np_op, a, v)
            except ValueError:  # integers to negative integer powers: numpy refuses
                with pytest.raises(ValueError):
                    tf_op(t, v)
                continue
            with np.errstate(all="ignore"):
                got = tf_op(t, v).numpy()
            assert got.dtype == want.dtype, (op, v, dtype)
            np.testing.assert_array_equal(got, want)
            # the sign of zero too (-0.0 must not share 0.0's cached array)
            np.testing.assert_array_equal(np.signbit(got), np.signbit(want))


def test_scalar_like_caches_read_only_arrays_of_the_float_dtype() -> None:
    a = np.ones(3, dtype=np.float64)
    s = scalar_like(0.25, a)
    assert s.dtype == np.float64 and s.shape == () and not s.flags.writeable
    assert scalar_like(0.25, a) is s
    assert scalar_like(0.25, np.ones(3, dtype=np.float32)).dtype == np.float32
    for v in (0.0, -0.0, float("nan"), 1e31, True):
        assert scalar_like(v, a) is v


def _grads(f: Callable[..., Any], *xs: Any) -> Any:
    return [g.numpy() for g in tf.gradient(f, *xs)]


@pytest.mark.parametrize("n", [5, 5000])  # fresh sums (small) and in-place sums (large)
def test_exact_nodes_accumulate_like_the_closed_form(n: int) -> None:
    r = np.random.default_rng(0)
    x = tf.tensor(r.standard_normal(n))
    a = tf.tensor(r.standard_normal(n))

    def f(x: Any, a: Any) -> Any:
        h = x
        for _ in range(3):
            h = tf.tanh(h * a + a) * 0.5
        return (h + x).sum()

    def closed(x: Any, a: Any) -> Tuple[Any, Any]:
        gx, ga = np.zeros_like(x), np.zeros_like(a)
        hs = [x]
        for _ in range(3):
            hs.append(0.5 * np.tanh(hs[-1] * a + a))
        g = np.ones_like(x)
        for k in range(3, 0, -1):
            d = g * 0.5 * (1 - np.tanh(hs[k - 1] * a + a) ** 2)
            ga += d * hs[k - 1] + d
            g = d * a
        return g + 1.0, ga

    gx, ga = _grads(f, x, a)
    cx, ca = closed(x.numpy().astype(np.float64), a.numpy().astype(np.float64))
    np.testing.assert_allclose(gx, cx, rtol=2e-5, atol=1e-6)
    np.testing.assert_allclose(ga, ca, rtol=2e-5, atol=1e-6)
    assert gx.dtype == ga.dtype == np.float32
    # Handed-out gradients are the caller's own: writeable, not views, not shared.
    assert gx.flags.writeable and ga.flags.writeable and gx.base is None and ga.base is None


def test_mixed_dtypes_and_broadcasting_are_not_exact() -> None:
    # f32 * f64 (same shape) computes in f64; the f32 input's gradient is cast back to f32.
    x = tf.tensor(np.array([1.0, 2.0], dtype=np.float32))
    y = tf.tensor(np.array([3.0, 4.0]), dtype=np.float64)
    b = tf.tensor(np.array([[1.0], [2.0]], dtype=np.float32))
    gx, gy, gb = tf.gradient(lambda x, y, b: ((x * y) * b + x * b).sum(), x, y, b)
    assert (gx.numpy().dtype, gy.numpy().dtype, gb.numpy().dtype) == (
        np.float32,
        np.float64,
        np.float32,
    )
    np.testing.assert_allclose(gx.numpy(), [3 * 3 + 3, 4 * 3 + 3])
    np.testing.assert_allclose(gy.numpy(), [3.0, 6.0])
    np.testing.assert_allclose(gb.numpy(), [[1 * 3 + 2 * 4 + 1 + 2]] * 2)


def test_zero_d_values_accumulate_into_arrays() -> None:
    # Small-array sums skip 0-d values (numpy's a + b would give an immutable scalar).
    x = tf.tensor(2.0)
    (g,) = tf.gradient(lambda x: x * x * 3.0 + x * 0.5 + x, x)
    assert isinstance(g.numpy(), np.ndarray) and g.numpy().shape == ()
    assert g.item() == pytest.approx(2 * 3 * 2.0 + 1.5)


def test_ops_outside_the_lane_still_run_their_rules() -> None:
    # Broadcasting mismatches and non-elementwise ops take the general path and its rule.
    with pytest.raises(tf.ShapeError):
        tf.ones(2, 3) * tf.ones(3, 2)
    with pytest.raises(tf.ShapeError):
        tf.ones(2, 3) @ tf.ones(2, 3)
    # Mixed dtypes and ints leave the lane and follow numpy (and the no-float64-creep rule).
    i = tf.tensor(np.array([1, 2, 3]))
    assert (i / i).numpy().dtype == np.float32
    assert (i * i).numpy().dtype == np.int64
    assert (tf.ones(3) * tf.tensor(np.ones(3), dtype=np.float64)).numpy().dtype == np.float64


@pytest.mark.parametrize("uses", [2, 3, 5, 9])
def test_many_uses_of_a_small_matrix_sum_once(uses: int) -> None:
    # A value read many times collects its small gradients and sums them when first read
    # (lists of up to four are added, longer ones concatenated and reduced).
    r = np.random.default_rng(uses)
    w = tf.tensor(r.standard_normal((3, 4)))
    x = tf.tensor(r.standard_normal((3, 4)))

    def f(w: Any, x: Any) -> Any:
        h = x
        for _ in range(uses):
            h = h * w + w
        return h.sum()

    gw, gx = _grads(f, w, x)
    # closed form by the same recursion in float64
    wn, xn = w.numpy().astype(np.float64), x.numpy().astype(np.float64)
    hs = [xn]
    for _ in range(uses):
        hs.append(hs[-1] * wn + wn)
    g, cw = np.ones_like(xn), np.zeros_like(wn)
    for k in range(uses, 0, -1):
        cw += g * hs[k - 1] + g
        g = g * wn
    np.testing.assert_allclose(gw, cw, rtol=1e-4)
    np.testing.assert_allclose(gx, g, rtol=1e-4)
    assert gw.shape == (3, 4) and gw.dtype == np.float32


def test_integer_to_a_negative_integer_power_says_what_to_do() -> None:
    with pytest.raises(ValueError, match=r'"pow": an integer tensor to a negative integer power'):
        tf.tensor([1, 2]) ** -1
    np.testing.assert_allclose((tf.tensor([1, 2]) * 1.0) ** -1, [1.0, 0.5])
