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
    # 256 * 128 weights: Descent moves them with BLAS axpy, which the program folds where
    # the GEMM rounds like matmul + axpy (optimise.folds.fold_is_exact): at _run's step
    # size, a power of two, and batch 16, on every BLAS kernel tried.
    return tf.Chain(tf.Dense(256, 128, tf.relu), tf.Dense(128, 3))


def _run(loss: Callable[[Any, Any], Any], xs: List[Any], nonfinite: str, compile: bool,
         held: bool = False) -> Any:
    # held: the input is one tensor the step reads from its closure, refilled in place before
    # each call (as a training loop over a fixed batch buffer): every array the compiled
    # check reads is then the program's own (FoldedCheck.ready).
    model = _model()
    # (2**-7: alpha * (a @ b) is exact, so the fold rounds once, as the axpy does, on any
    # kernel that does not split a dot product of 16 terms.)
    state = tf.setup(tf.Descent(2.0**-7), model)
    batch = tf.tensor(np.array(xs[0].data, copy=True))

    def step(model: Any, x: Any) -> Any:
        value, (g,) = tf.withgradient(lambda m: loss(m, x), model)
        tf.update(state, model, g, nonfinite=nonfinite)
        return value

    def step_held(model: Any) -> Any:
        value, (g,) = tf.withgradient(lambda m: loss(m, batch), model)
        tf.update(state, model, g, nonfinite=nonfinite)
        return value

    f: Any = step_held if held else step
    f = tf.compile(f, fallback=False) if compile else f
    out: List[Any] = []
    for x in xs:
        try:
            if held:
                batch.data[...] = x.data
                out.append(f(model).item())
            else:
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
    # The folded GEMM reads the batch argument (another array at each call): called with
    # its arguments (see the held batch below for the bare call).
    assert not _bare_gemm_calls(entry)


def _bare_gemm_calls(entry: Any) -> List[str]:
    # The generated code's calls of folded GEMMs' converted BLAS calls, with no arguments.
    gemms = [s.fn for s in entry.program.steps if type(s.fn).__name__ == "Gemm"]
    names = [k for k, v in entry.program._keep.closure.items()
             if any(v is g.ready for g in gemms)]
    return [n for n in names if f"    {n}()\n" in entry.program.source]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("nonfinite", ["raise", "skip"])
@pytest.mark.parametrize("held", [False, True])
def test_a_non_finite_folded_gradient_is_refused_or_skipped_as_eagerly(
        nonfinite: str, held: bool) -> None:
    # sqrt at relu's zeros: the loss is finite, the first layer's gradient (folded) is not.
    loss = lambda m, x: tf.sqrt(m.layers[0](x)).sum()  # noqa: E731
    eager = _run(loss, _xs(), nonfinite, False, held)
    compiled = _run(loss, _xs(), nonfinite, True, held)
    _same(eager, compiled)
    if nonfinite == "raise":
        assert all(isinstance(o, tuple) and o[1] == "gradient" for o in compiled[0])
    else:
        assert len(compiled[3]) == 3 and compiled[2] == 0


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("held", [False, True])
def test_huge_operands_take_the_exact_check_and_still_equal_eager(held: bool) -> None:
    # Inputs near 1e18: the bound on the GEMM's entries passes float32's largest number, so
    # the folded check cannot vouch for the gradient and runs the eager check on the made
    # gradient.
    loss = lambda m, x: (m(x) * 1e-30).sum()  # noqa: E731
    eager = _run(loss, _xs(scale=1e18), "raise", False, held)
    compiled = _run(loss, _xs(scale=1e18), "raise", True, held)
    _same(eager, compiled)
    assert all(np.isfinite(p).all() for p in compiled[1])


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_a_held_batch_gets_the_ready_check_and_an_argument_the_general_one() -> None:
    # Refilled in place between calls, a held batch that turns non-finite at the third call
    # is refused by the replayed (ready) check exactly as eagerly.
    loss = lambda m, x: m(x).sum()  # noqa: E731
    xs = _xs()
    xs[2] = tf.tensor(np.where(np.arange(256) == 7, np.inf, xs[2].data))
    eager, compiled = _run(loss, xs, "raise", False, True), _run(loss, xs, "raise", True, True)
    _same(eager, compiled)
    assert isinstance(compiled[0][2], tuple) and compiled[0][2][1:3] == ("gradient",
                                                                         "layers.0.weight")
    assert compiled[4].stats()["replays"] >= 1
    entry = next(iter(compiled[4]._entries.values()))[0]
    kinds = [type(s.fn).__name__ for s in entry.program.steps]
    assert "_Ready" in kinds
    # The batch's sum is taken right after the first layer's GEMM reads it (hoist_sums),
    # and still refuses the batch that turned infinite.
    assert len(_bare_gemm_calls(entry)) == 1  # (the batch is the program's own array here)
    i = kinds.index("_EarlySum")
    steps = entry.program.steps
    assert steps[i - 1].fn is np.matmul and kinds.count("_EarlySum") == 1
    batch = steps[i].fn.sum.array
    # (Read as the GEMM's operand x: Dense's weight is C-ordered, its gradient made as
    # g.T @ x; a Fortran-ordered weight's as x.T @ g, reading x.T.)
    assert batch.shape == (16, 256) and any(np.shares_memory(a.arr, batch)
                                            for a in steps[i - 1].args)
    by_argument = _run(loss, _xs(), "raise", True)[4]
    entry = next(iter(by_argument._entries.values()))[0]
    kinds = [type(s.fn).__name__ for s in entry.program.steps]
    assert "FoldedCheck" in kinds and "_Ready" not in kinds


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


def test_the_programs_own_operands_are_summed_by_prepared_blas_asum_without_warnings() -> None:
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
        b[...] = 1e30  # the bound passes float32's largest number: the exact check decides
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


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_blas_asum_is_not_finite_whenever_an_entry_is_not(dtype: Any) -> None:
    # The folded check trusts a finite sum of absolute values to mean finite entries: every
    # position of arrays long and short enough for each of the kernel's loops (unrolled
    # blocks and the tail), NaN and both infinities, a transposed (dense) layout too.
    from typedflux.optimise import blas

    if not blas.available():
        pytest.skip("no BLAS bound here: the check sums by vdot")
    for n in (1, 2, 7, 8, 31, 33, 64, 65, 130, 257, 1000):
        a = np.arange(n, dtype=dtype) - n / 2
        summed = blas.AbsSum.prepare(a)
        assert summed is not None
        assert summed() == pytest.approx(float(np.abs(a.astype(np.float64)).sum()), rel=1e-5)
        for pos in range(n):
            for bad in (np.nan, np.inf, -np.inf):
                keep = a[pos]
                a[pos] = bad
                assert not np.isfinite(summed()), (n, pos, bad)
                a[pos] = keep
    big = np.full(4, np.finfo(dtype).max / 2, dtype)
    assert blas.AbsSum.prepare(big)() == np.inf  # the sum overflows
    t = np.ones((3, 5), dtype).T
    assert blas.AbsSum.prepare(t)() == 15.0
    assert blas.AbsSum.prepare(np.ones((4, 4), dtype)[:, ::2]) is None  # not one dense vector


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_asum_bound_covers_the_exact_one_norm(dtype: Any) -> None:
    # Tiny (subnormal), ordinary and huge entries, summed in the dtype in two orders: the
    # bound is at least the exact sum of absolute values (math.fsum in float64, exact for
    # these) and so at least the 2-norm; a sum that is not finite gives inf.
    import math

    from typedflux.engine.proven import asum_bound

    rng = np.random.default_rng(3)
    info = np.finfo(dtype)
    for trial in range(200):
        n = int(rng.integers(1, 3000))
        scale = float(rng.choice([float(info.smallest_subnormal) * 4, float(info.tiny), 1.0,
                                  float(info.max) / n / 4]))
        a = (rng.standard_normal(n) * scale).astype(dtype)
        exact = math.fsum(abs(float(v)) for v in a)
        for s in (float(np.abs(a).sum(dtype=dtype)), float(np.sort(np.abs(a)).sum(dtype=dtype))):
            if math.isfinite(s):
                limit = asum_bound(s, n, np.dtype(dtype))
                assert limit >= exact and limit >= math.hypot(*(float(v) for v in a))
    assert asum_bound(float("inf"), 3, np.dtype(np.float32)) == float("inf")
    assert asum_bound(float("nan"), 3, np.dtype(np.float32)) == float("inf")
    assert asum_bound(1.0, 3, np.dtype(np.int32)) == float("inf")


def test_the_folded_checks_common_bound_vouches_only_for_finite_products() -> None:
    # The program's own (prepared) arrays near float32's overflow: whenever the check
    # vouches, every product is finite and no gradient entry, folded or not, exceeds the
    # bound it hands on; a product that overflows is always made and handed over.
    from typedflux.compiler.steps import BUF, Var

    rng = np.random.default_rng(11)
    vouched = made = 0
    for trial in range(150):
        m, k, n = (int(v) for v in rng.integers(1, 30, 3))
        scale = float(rng.choice([1.0, 1e8, 1e16, 1e18, 3e18]))
        a = (rng.random((m, k)) * scale).astype(np.float32)
        b = (rng.random((k, n)) * scale).astype(np.float32)
        g = (rng.standard_normal(5) * scale).astype(np.float32)
        fixed = tuple(Var(i, BUF, arr, None, False, "") for i, arr in enumerate((a, b, g)))
        seen: List[Any] = []
        check = FoldedCheck(lambda state, todo, *rest: seen.append((todo, rest)) or True, fixed)
        check(None, [("w", None, None), ("b", None, g)], "raise", ((a, b),))
        todo, rest = seen[-1]
        with np.errstate(over="ignore", invalid="ignore"):
            c = a @ b
        if todo == []:
            vouched += 1
            assert np.isfinite(c).all()
            assert float(np.abs(c).max()) <= rest[-1] and float(np.abs(g).max()) <= rest[-1]
        else:
            made += 1
            assert np.array_equal(todo[0][2], c) and todo[1][2] is g
    assert vouched > 20 and made > 20  # both sides were exercised


def test_only_sums_of_arrays_nothing_writes_are_taken_before_the_check() -> None:
    from typedflux.compiler.fuse import _EarlySum, hoist_sums
    from typedflux.compiler.steps import BUF, EXT, Step, Var
    from typedflux.optimise import blas

    seen: List[Any] = []
    x = Var(0, EXT, np.full((4, 3), 2.0, np.float32), None, False, "x")  # read, never written
    w = Var(1, EXT, np.ones((3, 4), np.float32), None, False, "w")  # written after its read
    y = Var(2, BUF, np.empty((4, 3), np.float32), None, False, "y")
    steps = [Step(np.exp, (x,), {"out": (y,)}, writes=(y,)),
             Step(np.exp, (w,), {"out": (w,)}, writes=(w,))]
    ready = FoldedCheck(lambda state, todo, *rest: seen.append((todo, rest[-1])) or True).ready(
        (None, [("p", None, None)], "raise", ((x, w),)))
    assert ready is not None
    steps.append(Step(ready, (), {}, exits=True))
    out = hoist_sums(steps)
    if not blas.available():
        assert out == steps
        return
    early = [i for i, s in enumerate(out) if isinstance(s.fn, _EarlySum)]
    assert early == [1] and out[1].fn.sum.array is x.arr  # after x's read; w's stays
    for s in out:
        s.fn(*[a.arr if isinstance(a, Var) else a for a in s.args],
             **{k: tuple(o.arr for o in v) for k, v in s.kwargs.items()})
    assert seen[-1][0] == [] and ready.early == [24.0]
    # Huge values, written where the program does not look: the check, with the early sum,
    # goes the exact way.
    x.arr[...] = 3e38
    out[1].fn()
    with np.errstate(over="ignore"):
        ready()
    assert len(seen[-1][0]) == 1 and np.isinf(seen[-1][0][0][2]).all()


def test_a_prepared_gemm_takes_its_ready_call_only_for_its_own_arrays() -> None:
    from typedflux.optimise.blas import Gemm

    r = np.random.default_rng(4)
    a = r.standard_normal((8, 5)).astype(np.float32)
    b = r.standard_normal((5, 6)).astype(np.float32)
    c = r.standard_normal((8, 6)).astype(np.float32)
    other = c.copy()
    g = Gemm.prepare(-0.5, a, b, 1.0, c)
    if g is None:  # (no BLAS found)
        return
    assert g.ready is not None
    ready, used = g.ready, []
    g.ready = lambda: (used.append(1), ready())[1]
    g(a, b, c)  # the prepared arrays: the call converted once
    g(a, b, other)  # another output: the general call
    assert used == [1] and c.tobytes() == other.tobytes()


def test_bias_gradients_summed_from_a_folded_operand_are_bounded_not_read() -> None:
    # The bias gradient ones @ g of a layer whose weight gradient g.T @ x is folded: the check
    # reads g anyway, and the ones are a read-only constant, so the bias gradient is covered by
    # the common bound (not read); the compiled step still equals eager (the other tests here
    # run the same model through refusals, skips and the exact path).
    loss = lambda m, x: m(x).sum()  # noqa: E731
    compiled = _run(loss, _xs(), "raise", True, held=True)
    _same(_run(loss, _xs(), "raise", False, held=True), compiled)
    entry = next(iter(compiled[4]._entries.values()))[0]
    ready = next(s.fn for s in entry.program.steps if s.exits)
    covered = ready.folded.covered
    todo = ready.args[1]
    assert [todo[i][0] for i in sorted(covered.at)] == ["layers.0.bias"]
    assert len(covered.consts) == 1 and not covered.consts[0].flags.writeable
    assert covered.fixed() == (16.0, 16, False)  # the batch's 16 ones
    summed = {id(f.array) for f in ready.sums}
    assert id(todo[sorted(covered.at)[0]][2]) not in summed  # the bias gradient is not read


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_a_covered_gradient_is_finite_and_within_the_bound_whenever_the_check_vouches() -> None:
    # db = ones @ g, g also a folded GEMM's operand: scales up to float32's overflow. When the
    # check vouches, db is finite and within the bound it hands on; otherwise db reaches the
    # exact check as made. A constant made writeable since takes the exact path.
    from typedflux.compiler.folded_check import Covered
    from typedflux.compiler.steps import BUF, Var

    rng = np.random.default_rng(12)
    vouched = exact = 0
    for trial in range(150):
        rows, cols, n = (int(v) for v in rng.integers(1, 40, 3))
        scale = float(rng.choice([1.0, 1e16, 1e30, 1e36, 3e37]))
        g = (rng.standard_normal((rows, cols)) * scale).astype(np.float32)
        x = rng.standard_normal((rows, n)).astype(np.float32)
        ones = np.ones(rows, np.float32)
        ones.flags.writeable = False
        with np.errstate(over="ignore", invalid="ignore"):
            db = ones @ g
        fixed = tuple(Var(i, BUF, arr, None, False, "") for i, arr in enumerate((g.T, x, db)))
        seen: List[Any] = []
        check = FoldedCheck(lambda state, todo, *rest: seen.append((todo, rest)) or True, fixed,
                            Covered((1,), rows, float(np.finfo(np.float32).max), (ones,)))
        check(None, [("w", None, None), ("b", None, db)], "raise", ((g.T, x),))
        todo, rest = seen[-1]
        if todo == []:
            vouched += 1
            assert np.isfinite(db).all() and float(np.abs(db).max()) <= rest[-1]
        else:
            exact += 1
            assert todo[1][2] is db
    assert vouched > 20 and exact > 20  # both sides were exercised
    ones.flags.writeable = True
    check(None, [("w", None, None), ("b", None, np.zeros(cols, np.float32))], "raise",
          ((np.zeros_like(g.T), np.zeros_like(x)),))
    assert len(seen[-1][0]) == 2  # the exact path: the constant may have changed


def test_only_gemms_of_read_operands_and_read_only_constants_are_covered() -> None:
    # _covered: the bias gradient ones @ g is covered while g is a folded GEMM's operand
    # unchanged until the check; not when g is written in between, not when the ones are
    # writeable, not when its other operand is not read by the check.
    from typedflux.compiler.fuse import _covered
    from typedflux.compiler.steps import BUF, CONST, Step, Var

    def var(n: int, kind: str, arr: Any) -> Var:
        return Var(n, kind, arr, None, False, "")

    ones_arr = np.ones(4, np.float32)
    ones_arr.flags.writeable = False
    g = var(0, BUF, np.ones((4, 3), np.float32))
    x = var(1, BUF, np.ones((4, 5), np.float32))
    db = var(2, BUF, np.ones(3, np.float32))
    other = var(4, BUF, np.ones((3, 3), np.float32))

    def covered(ones: Var, left: Var = g, between: Any = None) -> Any:
        steps = [Step(np.matmul, (ones, left), {"out": (db,)}, writes=(db,))]
        if between is not None:
            steps.append(between)
        steps.append(Step(print, (None, [("w", None, var(9, BUF, np.ones((3, 5)))),
                                         ("b", None, db)]), {}))
        return _covered(steps, len(steps) - 1, {9: (g, x)}).at

    assert covered(var(3, CONST, ones_arr)) == frozenset({1})
    assert covered(var(3, CONST, ones_arr),
                   between=Step(np.exp, (g,), {"out": (g,)}, writes=(g,))) == frozenset()
    assert covered(var(3, CONST, np.ones(4, np.float32))) == frozenset()  # writeable
    assert covered(var(3, CONST, ones_arr), left=other) == frozenset()  # not read


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_asum_products_gives_asum_bound_and_bound_exactly(dtype: Any) -> None:
    # The folded check's written-out bounds (constants computed once) are the same floats as
    # asum_bound followed by bound, for sums from tiny to overflowing, NaN and infinity, and
    # sizes where either bound gives up (inf).
    from typedflux.engine.proven import asum_bound, asum_products, bound

    rng = np.random.default_rng(5)
    dt = np.dtype(dtype)
    sizes = [(1, 1), (7, 3), (366090, 256), (10**9, 50), (2**40, 10), (10**6, 10**15)]
    sums = [0.0, 1e-300, 1.0, 7.5, 1.6e5, 3e18, 1e19, 1.7e38, 1e200, float("inf"), float("nan")]
    sums += [float(v) for v in 10.0 ** rng.uniform(-40, 40, 40)]
    for n, k in sizes:
        both = asum_products(n, k, dt)
        for s in sums:
            r = asum_bound(s, n, dt)
            top = bound(r * r, n, r * r, n, k, dt) if r < float("inf") else float("inf")
            got = both(s)
            assert got == (r, top), (n, k, s)
