"""Gradients proven finite where they are made (typedflux/engine/proven.py): a Dense layer's
weight and bias gradients come out of the backward read-only with a proof, tf.update does not
read them again, and any way of changing one since (or an input that defeats the bound) puts
it back under the full check."""

from __future__ import annotations

from typing import Any, List

import numpy as np
import pytest

import typedflux as tf
import typedflux.optimise.finite as finite
from typedflux.engine.proven import MAX_OPERAND, bound, prove, proven, sq_norm
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
    first = [g.layers[0].weight.data, g.layers[0].bias.data]
    last = [g.layers[1].weight.data, g.layers[1].bias.data]
    assert all(proven(a) and not a.flags.writeable for a in first)
    assert not any(proven(a) or not a.flags.writeable for a in last)
    with pytest.raises(ValueError, match="read-only"):
        g.layers[0].weight.data[0, 0] = np.nan
    read = _counting_dot(monkeypatch)
    before = _params(m)
    tf.update(tf.setup(tf.Descent(0.1), m), m, g)
    assert [id(a) for a in read] == [id(a) for a in last]
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
    assert [proven(a) for a in got] == [False, True, True]  # gx is not a parameter's


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


def test_a_bound_near_the_limit_proves_nothing_and_the_full_check_decides() -> None:
    # Finite norms whose product (2.25e38) is above a quarter of float32's largest number:
    # no proof, although every entry (1.4e37) is finite; update reads them and goes on.
    v = np.full((1, 16), 1.5e19 / 4, np.float32)
    x = tf.tensor(v)
    m = {"w": tf.tensor(np.eye(16, dtype=np.float32) * 1e-18)}
    g = tf.gradient(lambda mm: (dense(x, mm["w"]) * tf.tensor(v)).sum(), m)[0]
    assert np.isfinite(g["w"].data).all() and not proven(g["w"].data)
    st = tf.setup(tf.Descent(0.0), m)
    tf.update(st, m, g)
    assert st.step == 1


def test_other_activations_keep_the_full_check(monkeypatch: pytest.MonkeyPatch) -> None:
    for act, proofs in ((tf.tanh, False), (tf.relu, True), (tf.identity, True)):
        tf.seed(0)
        m = tf.Chain(tf.Dense(64, 32, act))
        g = tf.gradient(lambda mm: (mm(X) * 0.5).sum(), m)[0]
        assert proven(g.layers[0].weight.data) is proofs
        read = _counting_dot(monkeypatch)
        tf.update(tf.setup(tf.Descent(), m), m, g)
        assert len(read) == (0 if proofs else 2)


def test_sq_norm_and_bound_are_not_finite_for_what_they_cannot_vouch_for() -> None:
    assert np.isnan(sq_norm(np.array([1.0, np.nan], np.float32)))
    assert sq_norm(np.array([np.inf, 1.0], np.float32)) == np.inf
    assert sq_norm(np.full(4, 3e19, np.float32)) == np.inf  # the sum overflows
    assert sq_norm(np.ones(2, np.float16)) == np.inf  # no proofs in float16
    assert sq_norm([1.0, 2.0]) == np.inf  # not an array
    assert sq_norm(np.ones(MAX_OPERAND + 1, np.float32)) == np.inf
    assert sq_norm(np.ones((3, 4), np.float32)[:, ::2]) == 6.0  # strided: read all the same
    assert bound(4.0, np.nan) == np.inf and bound(4.0, 9.0) == 6.0


def test_prove_takes_only_fresh_arrays_under_the_limit() -> None:
    a = np.ones((2, 3), np.float32)
    assert not prove(a[0], 1.0)  # a view: another array could write its memory
    assert not prove(np.ones(2, np.float16), 1.0)
    assert not prove(np.ones(2, np.float32), 0.25 * float(np.finfo(np.float32).max))
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
