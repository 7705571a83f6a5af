"""The cheap forms of the finite checks stay sound (issue 12): train's parameter scans find
exactly what a full scan finds, the bounds written out for speed equal ``engine/proven.py``'s
``bound``, and train's arity shortcut agrees with ``inspect``."""

from __future__ import annotations

import importlib
import inspect
import math
import warnings
from typing import Any, Callable, List

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux as tf
from typedflux.engine.proven import PROOFS, bound, norm_bound, prove_linear
from typedflux.engine.proven import proven as proven_
from typedflux.optimise.finite import _bad, describe, nonfinite_params

train_module = importlib.import_module("typedflux.optimise.train")

DTYPES = [np.float32, np.float64]

# --- train's parameter scans: one dot product each, the exact scan only when it is not finite

_VALUES = [0.0, 1.0, -2.5, 1e19, 3e38, -3e38, 1e300, np.nan, np.inf, -np.inf]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([np.float16, np.float32, np.float64, np.complex64,
                                            np.int32]),
                          st.lists(st.sampled_from(_VALUES), min_size=0, max_size=5)),
                min_size=0, max_size=4))
def test_nonfinite_params_finds_exactly_what_a_full_scan_finds(arrays: Any) -> None:
    named = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # casts of 1e300 to float32 (inf)
        for i, (dt, vals) in enumerate(arrays):
            if np.dtype(dt).kind == "i":
                named.append((f"p{i}", np.array([int(v) if math.isfinite(v) and abs(v) < 1e9
                                                 else 0 for v in vals], dt)))
            else:
                named.append((f"p{i}", np.array(vals, dt)))
    want = [(n, describe(a)) for n, a in named if a.dtype.kind in "fc" and _bad(a)]
    assert nonfinite_params(named) == want


def test_train_finds_a_nan_parameter_no_update_would_read_before_and_after() -> None:
    # A NaN in an unused parameter: the loss and every gradient are finite, and Descent's
    # bound clears its step without reading the parameter. train's scans still find it.
    m = {"used": tf.ones(2), "unused": tf.tensor([1.0, np.nan])}
    st_ = tf.setup(tf.Descent(0.1), m)
    data = [tf.tensor([1.0, 2.0])] * 3
    loss = lambda mm, x: (mm["used"] * x).sum()  # noqa: E731
    with pytest.raises(tf.NonFiniteError, match=r"train: parameter unused is not finite \(1 nan "
                       r"of 2 values\) before the first update"):
        tf.train(loss, m, data, st_, progress=False)
    m["unused"].data[1] = 0.0

    def poison(epoch: int, losses: List[float]) -> None:  # a callback that writes an inf
        m["unused"].data[0] = np.inf

    with pytest.raises(tf.NonFiniteError, match=r"train: parameter unused is not finite \(1 inf "
                       r"of 2 values\) after the last update \(update 3\)"):
        tf.train(loss, m, data, st_, progress=False, callback=poison)


def test_train_takes_huge_finite_parameters() -> None:
    # Their sum of squares overflows: the exact scan decides, and finds nothing.
    m = {"w": tf.tensor(np.array([3e38, -3e38], np.float32))}
    st_ = tf.setup(tf.Descent(0.0), m)
    assert tf.train(lambda mm, x: (mm["w"] * x).sum(), m, [tf.zeros(2)] * 2, st_,
                    progress=False) == [0.0, 0.0]


# --- the bounds written out for speed are engine/proven.py's bound ---------------------------

@settings(max_examples=300, deadline=None)
@given(st.floats(0.0, 1e300), st.integers(0, 2**40),
       st.sampled_from([np.float16, np.float32, np.float64]))
def test_norm_bound_is_bound_of_a_product_by_one(s: float, n: int, dtype: Any) -> None:
    dt = np.dtype(dtype)
    assert norm_bound(s, n, dt) == bound(s, n, 1.0, 0, 0, dt)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.integers(1, 5), st.integers(1, 7), st.sampled_from(DTYPES),
       st.sampled_from([1e-30, 1e-3, 1.0, 1e15, 1e18, 1e20]))
def test_prove_linear_records_the_bound_of_the_product(rows: int, n_out: int, n_in: int,
                                                       dtype: Any, scale: float) -> None:
    rng = np.random.default_rng(rows * 100 + n_out * 10 + n_in)
    g = (rng.standard_normal((rows, n_out)) * scale).astype(dtype)
    x = (rng.standard_normal((rows, n_in)) * scale).astype(dtype)
    gw = g.T @ x
    dt = np.dtype(dtype)
    sg, sx = float(np.vdot(g, g)), float(np.vdot(x, x))
    want_w = bound(sg, g.size, sx, x.size, rows, dt)
    proven = prove_linear(gw, g, x, rows)
    largest = float(np.finfo(dtype).max)
    assert proven == (want_w < largest)
    assert gw.flags.writeable is not proven
    if proven:
        assert PROOFS[id(gw)][1] == want_w
        assert np.abs(gw).max() <= want_w
    assert proven_(gw) is proven


def test_prove_linear_proves_nothing_for_other_dtypes_views_or_non_finite_inputs() -> None:
    g, x = np.ones((2, 3), np.float32), np.ones((2, 4), np.float32)
    assert not prove_linear(g.T @ x.astype(np.float64), g, x.astype(np.float64), 2)
    assert not prove_linear((g.T @ x).astype(np.float16), g.astype(np.float16),
                            x.astype(np.float16), 2)
    view = (g.T @ x)[:, :2]  # not an array of its own: something else may write into it
    assert not prove_linear(view, g, x[:, :2].copy(), 2) and view.flags.writeable
    for bad in (np.nan, np.inf):
        xb = x.copy()
        xb[0, 0] = bad
        gw = g.T @ xb
        assert not prove_linear(gw, g, xb, 2) and gw.flags.writeable
        gb = g.copy()
        gb[1, 2] = bad
        gw = gb.T @ x
        assert not prove_linear(gw, gb, x, 2) and gw.flags.writeable


# --- train's arity shortcut agrees with inspect ---------------------------------------------

def _f0() -> None: ...
def _f1(m: Any) -> None: ...
def _f2(m: Any, x: Any) -> None: ...
def _f3(m: Any, x: Any, y: Any) -> None: ...
def _fd(m: Any, x: Any, y: Any = 1) -> None: ...
def _fv(m: Any, *b: Any) -> None: ...
def _fk(m: Any, x: Any, **k: Any) -> None: ...
def _fko(m: Any, x: Any, *, y: Any) -> None: ...
def _fkd(m: Any, x: Any, *, y: Any = 2) -> None: ...
def _fpo(m: Any, x: Any, /) -> None: ...


class _Call:
    def __call__(self, m: Any, x: Any) -> None: ...


LOSSES: List[Callable[..., Any]] = [
    _f0, _f1, _f2, _f3, _fd, _fv, _fk, _fko, _fkd, _fpo, _Call(), lambda m, x, y: 0,
    lambda m: 0, max, np.add,
]


@pytest.mark.parametrize("loss", LOSSES, ids=lambda f: getattr(f, "__name__", type(f).__name__))
@pytest.mark.parametrize("n", [0, 1, 2, 3])
def test_the_arity_shortcut_agrees_with_inspect(loss: Callable[..., Any], n: int) -> None:
    args = tuple(range(n))
    try:
        inspect.signature(loss).bind(None, *args)
        binds = True
    except TypeError:
        binds = False
    except ValueError:  # no signature: train lets the call decide
        binds = True
    if binds:
        train_module._check_arity(loss, None, args)
    else:
        with pytest.raises(TypeError, match=r"train: loss\(model, \*batch\) cannot take batch 1"):
            train_module._check_arity(loss, None, args)


# --- update's fast paths: all_finite's real-scalar sum, the flat dict of weights


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([np.float16, np.float32, np.float64, np.complex64]),
                          st.lists(st.sampled_from(_VALUES), min_size=1, max_size=5)),
                min_size=1, max_size=4))
def test_all_finite_says_ok_exactly_for_finite_gradients_or_an_overflowed_sum(arrays: Any) -> None:
    from typedflux.optimise.finite import all_finite
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # casts of 1e300 to float32 (inf)
        entries = [("g", np.zeros(len(v), dt), np.array(v, dtype=dt)) for dt, v in arrays]
    finite = all(bool(np.isfinite(g).all()) for _, _, g in entries)
    ok, top = all_finite(entries)
    if not finite:
        assert not ok
    elif ok:  # (a finite step whose sum overflowed is not ok: culprit() then finds nothing)
        assert all(float(np.abs(g.astype(np.complex128)).max()) <= top for _, _, g in entries)


def test_update_steps_a_tensor_held_twice_by_a_flat_dict_once_and_skips_integer_data() -> None:
    w = tf.tensor([1.0, 2.0])
    n = tf.tensor(np.array([1, 2], dtype=np.int64))
    model = {"a": w, "b": w, "n": n}
    nested = {"x": {"a": tf.tensor([1.0, 2.0])}}
    nested["x"]["b"] = nested["x"]["a"]
    for m, p in ((model, w), (nested, nested["x"]["a"])):
        st_ = tf.setup(tf.Descent(0.5), m)
        grads = tf.gradient(lambda m: (p * p).sum(), m)[0]
        tf.update(st_, m, grads)
        np.testing.assert_allclose(p.numpy(), [0.0, 0.0])  # p - 0.5 * 2p, applied once
    assert n.numpy().tolist() == [1, 2]


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.floats(0.0, 1e300), st.sampled_from([0.0, 5e-324, 1e-38, 1.0, 3e38, 1e308])),
       st.one_of(st.integers(1, 4096), st.integers(1, 3_000_000)),
       st.sampled_from([np.float16, np.float32]))
def test_all_finite_s_written_out_bound_is_norm_bound(s: float, n: int, dtype: Any) -> None:
    from typedflux.optimise.finite import _TERMS16, _TERMS32, _norm_bound
    terms = _TERMS16 if dtype is np.float16 else _TERMS32
    assert _norm_bound(s, n, terms) == norm_bound(s, n, np.dtype(dtype))
    assert _norm_bound(s, n, terms) == norm_bound(s, n, np.dtype(dtype))  # (from its cache)
