"""Gradients proven finite where they are made (typedflux/engine/proven.py): a Dense layer's
weight gradient comes out of the backward read-only with a proof, tf.update does not read it
again (it reads the bias gradient, and every other), and any way of changing one since (or an input that defeats the bound) puts
it back under the full check."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pytest

import typedflux as tf
import typedflux.optimise.finite as finite
from typedflux.engine.proven import LARGEST, bound, prove, proven, sq_norm
from typedflux.engine.tape import Tape
from typedflux.ops.basic_nn import dense


def _mlp(act: Any = tf.relu) -> tf.Chain:
    # A wide first layer fed a small batch gets proofs (its gradients are 4x larger than
    # what proves them); the small last layer is checked by update.
    tf.seed(0)
    return tf.Chain(tf.Dense(64, 32, act), tf.Dense(32, 3))


X = tf.tensor(np.linspace(-1.0, 1.0, 128).reshape(2, 64))
Y = tf.onehot([0, 2], 3)


def _grads(m: Any, x: Any = X) -> Any:
    return tf.gradient(lambda mm: tf.losses.logitcrossentropy(mm(x), Y), m)[0]


def _counting_dot(monkeypatch: pytest.MonkeyPatch) -> List[Any]:
    # Every array tf.update's check reads.
    read: List[Any] = []
    real = finite._vdot

    def dot(a: Any, b: Any) -> Any:
        read.append(a)
        return real(a, b)

    monkeypatch.setattr(finite, "_vdot", dot)
    return read


def _params(m: Any) -> dict:
    return {n: p.numpy().copy() for n, p in tf.named_params(m)}


def test_dense_gradients_are_proven_read_only_and_not_read_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    m = _mlp()
    g = _grads(m)
    first = g.layers[0].weight.data
    rest = [g.layers[0].bias.data, g.layers[1].weight.data, g.layers[1].bias.data]
    assert proven(first) and not first.flags.writeable
    assert not any(proven(a) or not a.flags.writeable for a in rest)
    with pytest.raises(ValueError, match="read-only"):
        g.layers[0].weight.data[0, 0] = np.nan
    read = _counting_dot(monkeypatch)
    before = _params(m)
    tf.update(tf.setup(tf.Descent(0.1), m), m, g)
    # (By memory: a Fortran-ordered Dense weight's gradient is read as its transpose.)
    addr = lambda arr: arr.__array_interface__["data"][0]  # noqa: E731
    assert [addr(a) for a in read] == [addr(a) for a in rest]
    after = _params(m)
    assert all(not np.array_equal(before[n], after[n]) for n in before)


def test_the_proof_does_not_change_a_single_bit() -> None:
    # The same gradients as the kernel's own VJP, and the same update.
    from typedflux.ops.kernels.dense import dense_vjp

    rng = np.random.default_rng(1)
    x, w, b = (rng.standard_normal(s).astype(np.float32) for s in ((2, 64), (32, 64), (32,)))
    gy = rng.standard_normal((2, 32)).astype(np.float32)
    tx, tw, tb = tf.tensor(x), tf.tensor(w), tf.tensor(b)
    tape = Tape()
    with tape:
        tape.watch_all([tx, tw, tb])
        y = dense(tx, tw, tb, "relu")
    got = tape.backward(y, [tx, tw, tb], seed=gy)
    want = dense_vjp(gy, y.data, x, w, b, "relu", True)
    for a, e in zip(got, want):
        np.testing.assert_array_equal(a, e)
    assert [proven(a) for a in got] == [False, True, False]  # gx: not a parameter's; gb: read


@pytest.mark.parametrize("edit", ["writeable", "rebound"])
def test_an_edited_gradient_is_checked_in_full_and_refused(edit: str) -> None:
    m = _mlp()
    st = tf.setup(tf.Adam(0.1), m)
    g = _grads(m)
    w = g.layers[0].weight
    if edit == "writeable":
        w.data.flags.writeable = True  # what numpy's read-only error leads to
    else:
        w.data = w.data.copy()
    w.data[1, 2] = np.nan
    before = _params(m)
    with pytest.raises(tf.NonFiniteError, match=r"gradient of layers\.0\.weight is not finite "
                       r"\(1 nan of 2048 values\) at update 1"):
        tf.update(st, m, g)
    after = _params(m)
    assert all(np.array_equal(before[n], after[n]) for n in before)
    assert st.step == 0


def test_a_non_finite_input_gives_no_proof_and_is_refused() -> None:
    m = _mlp()
    x = X.numpy().copy()
    x[1, 5] = np.inf
    g = tf.gradient(lambda mm: (mm(tf.tensor(x)) * 0.0).sum(), m)[0]
    assert not proven(g.layers[0].weight.data)
    with pytest.raises(tf.NonFiniteError, match=r"gradient of layers\.0\.weight"):
        tf.update(tf.setup(tf.Descent(), m), m, g)


def test_an_overflowing_product_is_not_proven_and_is_refused() -> None:
    # The inputs and the output gradient are finite, their product is not (4 * 1e19 * 1e19
    # is beyond float32): the squared norms overflow, so nothing is proven, and the full
    # check finds the inf (and passes the finite bias gradient).
    x = tf.tensor(np.full((4, 64), 1e19, np.float32))
    m = {"w": tf.tensor(np.ones((64, 64), np.float32)), "b": tf.zeros(64)}
    g = tf.gradient(lambda mm: (dense(x, mm["w"] * 1e-18, mm["b"]) * 1e19).sum(), m)[0]
    assert np.isinf(g["w"].data).all() and not proven(g["w"].data)
    assert np.isfinite(g["b"].data).all() and not proven(g["b"].data)
    with pytest.raises(tf.NonFiniteError, match="the gradient of w is not finite"):
        tf.update(tf.setup(tf.Descent(), m), m, g)


@pytest.mark.parametrize("scale, proofs", [(4.6e18, True), (4.7e18, False)])
def test_near_the_limit_the_full_check_decides_what_the_bound_cannot(
    scale: float, proofs: bool, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Squared norms of x and of g just below float32's largest number (16 * 4.6e18**2 =
    # 3.39e38) prove every entry (2.1e37) finite; a little more (3.53e38) overflows the
    # squared norms: nothing is proven, and update reads the (finite) gradient and goes on.
    v = np.full((1, 16), scale, np.float32)
    x = tf.tensor(v)
    m = {"w": tf.tensor(np.eye(16, dtype=np.float32) * 1e-18)}
    g = tf.gradient(lambda mm: (dense(x, mm["w"]) * tf.tensor(v)).sum(), m)[0]
    assert np.isfinite(g["w"].data).all() and proven(g["w"].data) is proofs
    read = _counting_dot(monkeypatch)
    st = tf.setup(tf.Descent(0.0), m)
    tf.update(st, m, g)
    assert st.step == 1 and len(read) == (0 if proofs else 1)


def test_other_activations_keep_the_full_check(monkeypatch: pytest.MonkeyPatch) -> None:
    for act, proofs in ((tf.tanh, False), (tf.relu, True), (tf.identity, True)):
        tf.seed(0)
        m = tf.Chain(tf.Dense(64, 32, act))
        g = tf.gradient(lambda mm: (mm(X) * 0.5).sum(), m)[0]
        assert proven(g.layers[0].weight.data) is proofs
        read = _counting_dot(monkeypatch)
        tf.update(tf.setup(tf.Descent(), m), m, g)
        assert len(read) == (1 if proofs else 2)  # (the bias gradient is always read)


def test_sq_norm_and_bound_are_not_finite_for_what_they_cannot_vouch_for() -> None:
    assert np.isnan(sq_norm(np.array([1.0, np.nan], np.float32)))
    assert sq_norm(np.array([np.inf, 1.0], np.float32)) == np.inf
    assert sq_norm(np.full(4, 3e19, np.float32)) == np.inf  # the sum overflows
    assert sq_norm(np.ones(2, np.float16)) == np.inf  # no proofs in float16
    assert sq_norm([1.0, 2.0]) == np.inf  # not an array
    assert sq_norm(np.ones((3, 4), np.float32)[:, ::2]) == 6.0  # strided: read all the same
    assert bound(4.0, 2, np.nan, 3, 3, np.float32) == np.inf
    assert bound(np.inf, 2, 9.0, 3, 3, np.float32) == np.inf
    assert bound(4.0, 2, 9.0, 3, 3, np.int32) == np.inf  # no argument for other dtypes
    assert bound(4.0, 2**40, 9.0, 3, 3, np.float16) == np.inf  # the growth would overflow
    assert 6.0 < bound(4.0, 2, 9.0, 3, 3, np.float32) < 6.0 * (1 + 1e-6)


def test_prove_takes_only_fresh_arrays_under_the_limit() -> None:
    a = np.ones((2, 3), np.float32)
    assert not prove(a[0], 1.0)  # a view: another array could write its memory
    assert prove(np.ones(2, np.float16), 1.0)
    assert not prove(np.ones(2, np.float16), 65504.0)  # the limit must be below the largest
    assert not prove(np.ones(2, np.int32), 1.0)
    assert not prove(np.ones(2, np.float32), LARGEST[np.dtype(np.float32)])
    assert prove(np.ones(2, np.float64), 1e300)
    assert a.flags.writeable and not proven(a)


def test_proofs_of_live_arrays_survive_the_sweep_of_dead_ones() -> None:
    kept = [np.ones(3, np.float32) for _ in range(5)]
    for a in kept:
        assert prove(a, 1.0)
    for _ in range(3000):  # several sweeps' worth of proofs of arrays that die at once
        assert prove(np.ones(3, np.float32), 1.0)
    assert all(proven(a) for a in kept)
    from typedflux.engine import proven as module

    assert len(module._PROOFS) <= module._SWEEP + 1


def test_a_gradient_summed_over_two_uses_is_a_new_array_and_checked() -> None:
    tf.seed(0)
    m = tf.Chain(tf.Dense(64, 32, tf.relu))
    g = tf.gradient(lambda mm: (mm(X) * mm(X)).sum(), m)[0]
    w = g.layers[0].weight.data
    assert not proven(w) and w.flags.writeable
    w[0, 0] = np.inf
    with pytest.raises(tf.NonFiniteError, match=r"layers\.0\.weight is not finite \(1 inf"):
        tf.update(tf.setup(tf.Descent(), m), m, g)


def test_threads_proving_at_once_through_sweeps() -> None:
    # Every thread's proofs hold while other threads prove and sweep (a forced small switch
    # interval makes the threads interleave inside the sweeps).
    import sys
    import threading

    errors: List[BaseException] = []

    def work() -> None:
        try:
            kept = [np.ones(2, np.float32) for _ in range(3)]
            for a in kept:
                prove(a, 1.0)
            for _ in range(4000):
                prove(np.ones(2, np.float32), 1.0)
            assert all(proven(a) for a in kept)
        except BaseException as err:  # reported by the main thread
            errors.append(err)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert errors == []


# --- One argument for eager proofs and the compiled FoldedCheck (engine/proven.py's bound) ---

DTYPES = [np.float16, np.float32, np.float64]


@pytest.mark.parametrize("dtype", DTYPES)
def test_the_bound_covers_every_entry_and_vouches_only_for_finite_products(dtype: Any) -> None:
    # Random, one-signed and near-overflow operands of several shapes: whenever the bound is
    # below the dtype's largest number, the product numpy computes is finite and no entry
    # exceeds it; products that overflow always get a bound at or above the largest number.
    rng = np.random.default_rng(7)
    top = float(np.finfo(dtype).max)
    vouched = refused = 0
    for trial in range(300):
        m, k, n = (int(v) for v in rng.integers(1, 40, 3))
        scale = float(np.sqrt(top)) * float(rng.choice([1e-6, 0.01, 0.1, 0.3, 0.6, 1.0]))
        a = (rng.random((m, k)) * scale).astype(dtype)
        b = (rng.random((k, n)) * scale).astype(dtype)
        if trial % 3 == 0:
            b = -b  # one sign: no cancellation to hide behind
        sa, sb = float(np.vdot(a, a)), float(np.vdot(b, b))
        limit = bound(sa, a.size, sb, b.size, k, np.dtype(dtype))
        with np.errstate(over="ignore", invalid="ignore"):
            c = a @ b
        if limit < LARGEST[np.dtype(dtype)]:
            vouched += 1
            assert np.isfinite(c).all()
            assert float(np.abs(c).max()) <= limit
        else:
            refused += 1
        if not np.isfinite(c).all():
            assert not limit < LARGEST[np.dtype(dtype)]
    assert vouched > 50 and refused > 20  # both sides were exercised


def test_the_folded_check_hands_its_bound_to_the_finite_check() -> None:
    from typedflux.compiler.fuse import FoldedCheck

    seen: List[Any] = []
    check = FoldedCheck(lambda state, todo, *rest: seen.append((todo, rest)) or True)
    a = np.full((4, 3), 2.0, np.float32)
    b = np.full((3, 5), 3.0, np.float32)
    g = np.array([1.0, -7.0], np.float32)
    assert check(None, [("w", None, None), ("b", None, g)], "raise", ((a, b),))
    todo, rest = seen[-1]
    assert todo == [] and rest[0] == "raise"
    assert 18.0 <= rest[-1] <= 18.0 * 4 * 5 * (1 + 1e-5)  # ||a|| ||b||, entries are 18
    assert rest[-1] >= 7.0  # and the other gradients' largest entry


def _chain(dtype: Any, inject: Any) -> Any:
    # Three Dense layers; `inject` (after layer 1 or 2, or at the output) puts NaN or inf
    # into the gradient flowing back, leaving the forward values finite.
    tf.seed(0)
    layers: List[Any] = [tf.Dense(64, 32, tf.relu), tf.Dense(32, 16, tf.relu), tf.Dense(16, 3)]
    for layer in layers:
        for name in ("weight", "bias"):
            t = getattr(layer, name)
            t.data = t.data.astype(dtype)
    if inject is not None:
        at, fn = inject
        layers.insert(at, fn)
    return tf.Chain(*layers)


# sqrt(h * h) is h for relu outputs, with a NaN slope where h is 0; sqrt(h) has an infinite
# one there.
INJECTIONS = {
    "nan after layer 1": (1, lambda h: tf.sqrt(h * h)),
    "inf after layer 1": (1, lambda h: tf.sqrt(h)),
    "nan after layer 2": (2, lambda h: tf.sqrt(h * h)),
    "inf after layer 2": (2, lambda h: tf.sqrt(h)),
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("where", sorted(INJECTIONS) + ["nan at the output", "inf input"])
def test_non_finite_values_anywhere_are_refused_proofs_or_not(dtype: Any, where: str) -> None:
    x = np.linspace(-1.0, 1.0, 128).reshape(2, 64).astype(dtype)
    m = _chain(dtype, INJECTIONS.get(where))
    if where == "inf input":
        x[1, 5] = np.inf
    xt = tf.tensor(x, dtype)

    def loss(mm: Any) -> Any:
        out = mm(xt)
        if where == "nan at the output":
            return tf.sqrt(out * 0.0).sum()  # finite value 0, slope 0.5 / 0 * 0: NaN
        return out.sum()

    with np.errstate(all="ignore"):
        g = tf.gradient(loss, m)[0]
    first = m.layers[0]
    gw = g.layers[0].weight.data
    assert not np.isfinite(gw).all() and not proven(gw)
    before = _params(m)
    with pytest.raises(tf.NonFiniteError, match=r"is not finite .* at update 1; nothing"):
        with np.errstate(all="ignore"):
            tf.update(tf.setup(tf.Descent(0.1), m), m, g)
    assert all(np.array_equal(before[n], a, equal_nan=True) for n, a in _params(m).items())
    assert first.weight.data.dtype == dtype


@pytest.mark.parametrize("dtype", DTYPES)
def test_the_clean_case_is_proven_in_float32_and_float64_and_updates(dtype: Any) -> None:
    m = _chain(dtype, None)
    x = tf.tensor(np.linspace(-1.0, 1.0, 128).reshape(2, 64).astype(dtype), dtype)
    g = tf.gradient(lambda mm: mm(x).sum(), m)[0]
    w = g.layers[0].weight.data
    assert proven(w) is (dtype is not np.float16)  # float16 sums are not proven: read instead
    st = tf.setup(tf.Descent(0.1), m)
    tf.update(st, m, g)
    assert st.step == 1 and w.flags.writeable  # the proof is used up: writeable again
    assert not proven(w)
