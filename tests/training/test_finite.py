"""Finite training: update and train refuse (or skip) non-finite gradients and parameters
before they change anything, and name the parameter and the step."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest

import typedflux as tf
from typedflux.optimise.finite import NonFiniteError, all_finite


def _model() -> tf.Chain:
    tf.seed(0)
    return tf.Chain(tf.Dense(2, 3, tf.relu), tf.Dense(3, 3), tf.Dense(3, 1))


def _snapshot(m: Any) -> dict:
    return {n: p.numpy().copy() for n, p in tf.named_params(m)}


def _sqrt_at_zero(m: Any, x: Any) -> Any:
    # A finite loss whose gradient for layers.2.weight is not finite: sqrt's slope at 0.
    return tf.losses.mse(m(x), tf.zeros(4, 1)) + tf.sqrt(m[2].weight * 0.0).sum()


X = tf.tensor(np.arange(8.0).reshape(4, 2) / 8)


def test_update_refuses_a_nan_gradient_and_changes_nothing() -> None:
    m = _model()
    st = tf.setup(tf.Adam(0.1), m)
    tf.update(st, m, tf.gradient(lambda mm: tf.losses.mse(mm(X), tf.ones(4, 1)), m)[0])
    before = _snapshot(m)
    moments = st["layers.0.weight"].state.m.copy()
    val, (g,) = tf.withgradient(lambda mm: _sqrt_at_zero(mm, X), m)
    assert np.isfinite(val.item())
    with pytest.raises(NonFiniteError) as info:
        tf.update(st, m, g)
    e = info.value
    assert str(e).startswith(
        "update: the gradient of layers.2.weight is not finite (3 nan of 3 values) at update 2; "
        "nothing was updated"
    )
    assert (e.what, e.name, e.step) == ("gradient", "layers.2.weight", 2)
    assert isinstance(e, FloatingPointError)
    after = _snapshot(m)
    assert all(np.array_equal(before[n], after[n]) for n in before)
    np.testing.assert_array_equal(st["layers.0.weight"].state.m, moments)  # state untouched too
    assert st.step == 1


def test_update_skip_leaves_everything_and_records_the_step() -> None:
    m = _model()
    st = tf.setup(tf.Momentum(0.1), m)
    before = _snapshot(m)
    (g,) = tf.gradient(lambda mm: _sqrt_at_zero(mm, X), m)
    assert tf.update(st, m, g, nonfinite="skip") == (st, m)
    assert all(np.array_equal(before[n], a) for n, a in _snapshot(m).items())
    assert st.step == 0 and len(st.skipped) == 1
    s = st.skipped[0]
    assert (s.step, s.what, s.name, s.detail) == (1, "gradient", "layers.2.weight", "3 nan of 3 values")
    # A finite step afterwards goes ahead as update 1.
    tf.update(st, m, tf.gradient(lambda mm: tf.losses.mse(mm(X), tf.ones(4, 1)), m)[0], nonfinite="skip")
    assert st.step == 1 and len(st.skipped) == 1
    assert not np.array_equal(before["layers.2.weight"], m[2].weight.numpy())


def test_a_non_finite_parameter_is_named_and_is_an_error_even_when_skipping() -> None:
    m = _model()
    st = tf.setup(tf.Descent(0.1), m)
    m[1].weight.data[1, 2] = np.inf
    (g,) = tf.gradient(lambda mm: mm(X).sum(), m)  # the layers below get nan gradients
    for mode in ("raise", "skip"):
        with pytest.raises(NonFiniteError, match=r"update: parameter layers.1.weight is not finite \(1 inf of 9 values\) at update 1"):
            tf.update(st, m, g, nonfinite=mode)
    assert st.skipped == []


def test_the_fused_check_finds_nan_and_both_infinities_and_ignores_overflow() -> None:
    ones = np.ones(5, dtype=np.float32)
    for bad in (np.nan, np.inf, -np.inf):
        g = ones.copy()
        g[3] = bad
        assert not all_finite([("w", ones, g)])[0]
    assert all_finite([("w", g, ones)])[0]  # parameters are not read every step
    assert not all_finite([("w", np.zeros(2), np.array([np.inf, 0.0]))])[0]  # inf * 0 is nan
    # Finite values whose products overflow float32: a false alarm the exact scan clears.
    m = {"w": tf.full(3, value=1e20)}
    st = tf.setup(tf.Descent(1e-30), m)
    tf.update(st, m, {"w": tf.full(3, value=1e20)})
    assert st.step == 1 and np.isfinite(m["w"].numpy()).all()


def test_nonfinite_argument_is_checked() -> None:
    m = _model()
    st = tf.setup(tf.Descent(), m)
    with pytest.raises(ValueError, match='update: nonfinite must be "raise" or "skip", got \'ignore\''):
        tf.update(st, m, None, nonfinite="ignore")
    with pytest.raises(ValueError, match='train: nonfinite must be "raise" or "skip", got True'):
        tf.train(lambda mm, x: mm(x).sum(), m, [X], st, nonfinite=True)  # type: ignore[arg-type]


def test_train_stops_at_a_finite_loss_with_a_nan_gradient() -> None:
    m = _model()
    st = tf.setup(tf.Adam(0.01), m)
    data = [X] * 3
    calls = []

    def loss(mm: Any, x: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:
            return _sqrt_at_zero(mm, x)
        return tf.losses.mse(mm(x), tf.zeros(4, 1))

    with pytest.raises(NonFiniteError) as info:
        tf.train(loss, m, data, st, epochs=2, progress=False)
    assert str(info.value).startswith(
        "train: the gradient of layers.2.weight is not finite (3 nan of 3 values) at epoch 1, "
        "batch 2 (update 2); nothing was updated"
    )
    assert (info.value.epoch, info.value.batch, info.value.step) == (1, 2, 2)
    assert st.step == 1
    assert all(np.isfinite(p.numpy()).all() for p in tf.params(m))


def test_train_skips_nonfinite_batches_when_asked_and_reports_them() -> None:
    m = _model()
    st = tf.setup(tf.Adam(0.01), m)
    n = [0]

    def loss(mm: Any, x: Any) -> Any:
        n[0] += 1
        if n[0] == 2:
            return _sqrt_at_zero(mm, x)
        if n[0] == 4:
            return tf.losses.mse(mm(x), tf.zeros(4, 1)) * float("nan")
        return tf.losses.mse(mm(x), tf.zeros(4, 1))

    with pytest.warns(RuntimeWarning) as rec:
        history = tf.train(loss, m, [X] * 3, st, epochs=2, progress=False, nonfinite="skip")
    assert len(history) == 6 and np.isnan(history[3])
    assert st.step == 4
    assert [(s.step, s.what, s.name, s.epoch, s.batch) for s in st.skipped] == [
        (2, "gradient", "layers.2.weight", 1, 2),
        (3, "loss", None, 2, 1),
    ]
    (message,) = [str(w.message) for w in rec if str(w.message).startswith("train")]
    assert message.startswith("train skipped 2 of 6 batches whose loss or gradient was not finite: ")
    assert "update 2 (epoch 1, batch 2): the gradient of layers.2.weight (3 nan of 3 values)" in message
    assert "update 3 (epoch 2, batch 1): the loss (nan)" in message
    assert all(np.isfinite(p.numpy()).all() for p in tf.params(m))


def test_train_without_skips_does_not_warn() -> None:
    m = _model()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tf.train(lambda mm, x: tf.losses.mse(mm(x), tf.zeros(4, 1)), m, [X] * 2,
                 tf.setup(tf.Adam(), m), progress=False, nonfinite="skip")


def test_a_rule_that_makes_a_parameter_nan_is_caught_by_that_update() -> None:
    # Adam with epsilon=0 divides 0 by 0 where a gradient is exactly 0: the gradient was
    # finite, the parameter it produced is not. The update that did it says so, applied.
    m = {"w": tf.tensor([1.0, 2.0])}
    st = tf.setup(tf.Adam(0.1, epsilon=0.0), m)
    with pytest.raises(NonFiniteError, match=r"update: parameter w is not finite \(1 nan of 2 "
                       r"values\) after update 1, which was applied in full") as e:
        tf.update(st, m, {"w": tf.tensor([0.0, 1.0])})
    assert (e.value.what, e.value.name, e.value.step, e.value.applied) == ("parameter", "w", 1, True)
    assert np.isnan(m["w"].numpy()[0]) and st.step == 1
    # The next update refuses to go on from it, changing nothing.
    (g,) = tf.gradient(lambda mm: (mm["w"] * mm["w"]).sum(), m)
    with pytest.raises(NonFiniteError, match=r"update: parameter w is not finite \(1 nan of 2 values\) at update 2"):
        tf.update(st, m, g)
    # In train, at the batch that did it (also with nonfinite="skip": skipping cannot undo it)...
    for nonfinite in ("raise", "skip"):
        m = {"w": tf.tensor([1.0, 2.0])}
        st = tf.setup(tf.Adam(0.1, epsilon=0.0), m)
        with pytest.raises(NonFiniteError, match=r"train: parameter w is not finite \(1 nan of 2 "
                           r"values\) after update 1 \(epoch 1, batch 1\)"):
            tf.train(lambda mm: (mm["w"] * tf.tensor([0.0, 1.0])).sum(), m, [()], st,
                     progress=False, nonfinite=nonfinite)
    # ... and a parameter that is not finite before training is refused at once.
    with pytest.raises(NonFiniteError, match=r"train: parameter w is not finite \(1 nan of 2 values\) before the first update"):
        tf.train(lambda mm: (mm["w"] * tf.tensor([0.0, 1.0])).sum(), m, [()], st, progress=False)


def test_a_nan_loss_caused_by_a_nan_parameter_names_it() -> None:
    m = _model()
    st = tf.setup(tf.Descent(), m)
    calls = []

    def loss(mm: Any, x: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:  # something outside the optimiser writes a nan
            mm[0].weight.data[0, 0] = np.nan
        return mm(x).sum()

    with pytest.raises(NonFiniteError, match=r"train: the loss is nan at epoch 1, batch 2, and parameter layers.0.weight is not finite \(1 nan of 6 values\); stopped before update 2"):
        tf.train(loss, m, [X] * 3, st, progress=False, nonfinite="skip")


def test_plain_dicts_take_the_walked_path_and_are_checked_too() -> None:
    m = {"a": tf.Dense(2, 1), "b": [tf.ones(2)]}
    st = tf.setup(tf.Descent(), m)
    g = {"a": tf.gradient(lambda d: d(X).sum(), m["a"])[0], "b": (tf.tensor([np.nan, 0.0]),)}
    with pytest.raises(NonFiniteError, match=r"the gradient of b.0 is not finite \(1 nan of 2 values\)"):
        tf.update(st, m, g)
