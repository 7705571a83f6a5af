"""Descent's update folded into the gradient's GEMM, and tf.update's finite check around it:
the folded program moves every parameter exactly as the eager step does, refuses or skips a
non-finite gradient exactly as it does (also one that is never made), and takes the exact
path when the folded check's bound cannot vouch for a gradient."""

from __future__ import annotations

import warnings
from typing import Any, Callable, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.compiler.fuse import FoldedCheck


def _model() -> Any:
    tf.seed(0)
    # 256 * 128 weights: Descent moves them with BLAS axpy, which the program folds (for
    # shapes whose GEMM rounds like matmul + axpy, checked when the program is made).
    return tf.Chain(tf.Dense(256, 128, tf.relu), tf.Dense(128, 3))


def _run(loss: Callable[[Any, Any], Any], xs: List[Any], nonfinite: str, compile: bool) -> Any:
    model = _model()
    state = tf.setup(tf.Descent(0.01), model)

    def step(model: Any, x: Any) -> Any:
        value, (g,) = tf.withgradient(lambda m: loss(m, x), model)
        tf.update(state, model, g, nonfinite=nonfinite)
        return value

    f = tf.compile(step, fallback=False) if compile else step
    out: List[Any] = []
    for x in xs:
        try:
            out.append(f(model, x).item())
        except tf.NonFiniteError as e:
            out.append((str(e), e.what, e.name, e.step))
    params = [p.data.copy() for p in tf.params(model)]
    return out, params, state.step, list(state.skipped), f


def _same(a: Any, b: Any) -> None:
    assert a[0] == b[0] and a[2:4] == b[2:4]
    for p, q in zip(a[1], b[1]):
        assert np.array_equal(p, q, equal_nan=True)


def _xs(scale: float = 1.0, n: int = 3) -> List[Any]:
    r = np.random.default_rng(1)
    return [tf.tensor(r.standard_normal((16, 256)) * scale) for _ in range(n)]


def test_the_update_is_folded_into_the_gradient_gemm_and_equals_eager() -> None:
    loss = lambda m, x: m(x).sum()  # noqa: E731
    eager, compiled = _run(loss, _xs(), "raise", False), _run(loss, _xs(), "raise", True)
    _same(eager, compiled)
    model = _model()
    src = compiled[4].source(model, _xs()[0])
    assert "folded_check" not in src  # (names are closure variables; see the steps instead)
    entry = next(iter(compiled[4]._entries.values()))[0]
    kinds = [type(s.fn).__name__ for s in entry.program.steps]
    assert "Gemm" in kinds and "FoldedCheck" in kinds


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("nonfinite", ["raise", "skip"])
def test_a_non_finite_folded_gradient_is_refused_or_skipped_as_eagerly(nonfinite: str) -> None:
    # sqrt at relu's zeros: the loss is finite, the first layer's gradient (folded) is not.
    loss = lambda m, x: tf.sqrt(m.layers[0](x)).sum()  # noqa: E731
    eager = _run(loss, _xs(), nonfinite, False)
    compiled = _run(loss, _xs(), nonfinite, True)
    _same(eager, compiled)
    if nonfinite == "raise":
        assert all(isinstance(o, tuple) and o[1] == "gradient" for o in compiled[0])
    else:
        assert len(compiled[3]) == 3 and compiled[2] == 0


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_huge_operands_take_the_exact_check_and_still_equal_eager() -> None:
    # Inputs near 1e18: the sum of squares of the GEMM's operand overflows, so the folded
    # check cannot vouch for the gradient and runs the eager check on the made gradient.
    loss = lambda m, x: (m(x) * 1e-30).sum()  # noqa: E731
    eager = _run(loss, _xs(scale=1e18), "raise", False)
    compiled = _run(loss, _xs(scale=1e18), "raise", True)
    _same(eager, compiled)
    assert all(np.isfinite(p).all() for p in compiled[1])


def test_the_folded_checks_bound_vouches_only_for_finite_products() -> None:
    seen: List[Any] = []
    check = FoldedCheck(lambda state, todo, *rest: seen.append(todo) or True)
    a = np.full((4, 3), 1e19, np.float32)
    b = np.full((3, 4), 1e19, np.float32)
    check(None, [("w", None, None)], ((a, b),))
    assert np.array_equal(seen[-1][0][2], a @ b)  # too close to overflow: made and handed over
    small = np.ones((3, 4), np.float32)
    check(None, [("w", None, None)], ((np.ones((4, 3), np.float32), small),))
    assert seen[-1] == []


def test_the_programs_own_operands_are_summed_by_prepared_blas_dots_without_warnings() -> None:
    from typedflux.compiler.steps import BUF, Var
    from typedflux.optimise import blas

    seen: List[Any] = []
    a = np.ones((4, 3), np.float32)
    b = np.ones((3, 4), np.float32)
    g = np.ones(5, np.float32)
    fixed = tuple(Var(i, BUF, arr, None, False, "") for i, arr in enumerate((a, b, g)))
    check = FoldedCheck(lambda state, todo, *rest: seen.append(todo) or True, fixed)
    check(None, [("w", None, None), ("b", None, g)], ((a, b),))
    assert seen[-1] == []
    if blas.available():
        assert all(s is not None for _, s in check._prepared().values())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # np.dot would warn of the overflow; BLAS does not
        b[...] = 1e30  # the sum of squares overflows: the exact check decides
        check(None, [("w", None, None), ("b", None, g)], ((a, b),))
        assert np.array_equal(seen[-1][0][2], np.matmul(a, b)) and seen[-1][1][2] is g
        b[...] = 1.0
        g[0] = np.nan  # a gradient that is not finite: handed over as it is
        check(None, [("w", None, None), ("b", None, g)], ((a, b),))
        assert seen[-1][1][2] is g and np.array_equal(seen[-1][0][2], a @ b)


def test_blas_takes_float32_arrays_whose_dtype_object_is_not_numpys_own() -> None:
    # np.dtype(np.float32).newbyteorder("=") equals float32 but is another object: compared
    # with `is`, a GEMM (the fold) or an axpy (Descent's update) was silently not made.
    from typedflux.optimise import blas

    other = np.dtype(np.float32).newbyteorder("=")
    assert other == np.float32 and other is not np.dtype(np.float32)
    r = np.random.default_rng(0)
    a = r.standard_normal((8, 5)).astype(other)
    b = r.standard_normal((5, 6)).astype(np.float32)
    c = r.standard_normal((8, 6)).astype(np.float32)
    want = c.copy()
    assert blas.axpy(-0.5, np.matmul(a, b), want) is blas.available()
    if not blas.available():
        return
    call = blas.Gemm.prepare(-0.5, a, b, 1.0, c)
    assert call is not None
    call(a, b, c)
    assert np.array_equal(c, want)
    assert blas.gemm(1.0, b.T, a.T, 0.0, np.empty((6, 8), other))
    assert not blas.gemm(1.0, a, b, 0.0, np.empty((8, 6), np.dtype(">f4")))  # not native


def test_the_folded_checks_bound_is_taken_in_the_products_dtype() -> None:
    # float32 @ float64 is computed in float64: entries of 3e45 are finite there, not in
    # float32 (the check's dtype comes from both operands, not the first).
    seen: List[Any] = []
    check = FoldedCheck(lambda state, todo, *rest: seen.append(todo) or True)
    a = np.full((4, 3), 1e15, np.float32)
    b = np.full((3, 4), 1e30, np.float64)
    check(None, [("w", None, None)], ((a, b),))
    assert seen[-1] == []
    check(None, [("w", None, None)], ((a, b.astype(np.float32)),))
    assert seen[-1][0][2].dtype == np.float32 and np.isinf(seen[-1][0][2]).all()
