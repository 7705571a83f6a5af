"""``tf.train(..., compile=True)``: the same losses and parameters as eager training, bit for
bit (Dropout and Adam included, a short last batch recorded once more), and the same stop
on a non-finite loss before the update that would spread it."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


def _setup() -> Any:
    tf.seed(0)
    model = tf.Chain(tf.Dense(4, 8, tf.relu), tf.Dropout(0.2), tf.Dense(8, 3))
    return model, tf.setup(tf.Adam(0.01), model)


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.logitcrossentropy(m(x), y)


def _data() -> Any:
    r = np.random.default_rng(0)
    x = r.standard_normal((70, 4)).astype(np.float32)
    y = tf.onehot(r.integers(0, 3, 70).tolist(), 3)
    return tf.DataLoader((x, y), batchsize=16, shuffle=True, rng=1)


def test_compiled_training_matches_eager_training() -> None:
    em, es = _setup()
    cm, cs = _setup()
    tf.seed(5)
    want = tf.train(_loss, em, _data(), es, epochs=3, progress=False)
    tf.seed(5)
    got = tf.train(_loss, cm, _data(), cs, epochs=3, progress=False, compile=True)
    assert got == want
    for (_, a), (_, b) in zip(tf.named_tensors(cm), tf.named_tensors(em)):
        assert a.data.dtype == b.data.dtype and a.data.tobytes() == b.data.tobytes()  # bit for bit


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # inf * 0 in the backward pass
def test_compiled_training_stops_before_a_non_finite_update() -> None:
    model, state = _setup()
    x = tf.ones(2, 4)
    y = tf.onehot([0, 1], 3)

    def loss(m: Any, x: Any, y: Any, k: Any) -> Any:
        return _loss(m, x, y) * k

    one, inf = tf.tensor(1.0), tf.tensor(np.inf)
    tf.train(loss, model, [(x, y, one)] * 2, state, progress=False, compile=True)
    before = [p.data.copy() for p in tf.params(model)]
    with pytest.raises(FloatingPointError, match="the loss is inf at epoch 1, batch 2"):
        tf.train(loss, model, [(x, y, one), (x, y, inf)], state, progress=False, compile=True)
    after_one = [p.data.copy() for p in tf.params(model)]
    assert not all(np.array_equal(a, b) for a, b in zip(after_one, before))  # batch 1 ran
    with pytest.raises(FloatingPointError, match="the loss is inf at epoch 1, batch 1"):
        tf.train(loss, model, [(x, y, inf)], state, progress=False, compile=True)
    assert all(np.array_equal(p.data, b) for p, b in zip(tf.params(model), after_one))


def test_onehot_inside_a_compiled_step_checks_its_labels_at_every_call() -> None:
    model, state = _setup()

    def loss(m: Any, x: Any, labels: Any) -> Any:
        return tf.losses.logitcrossentropy(m(x), tf.onehot(labels, 3))

    em, es = _setup()
    x = tf.ones(4, 4)
    for labels in ([0, 1, 2, 0], [2, 2, 1, 0]):
        tf.seed(1)
        want = tf.train(loss, em, [(x, tf.tensor(labels))], es, progress=False)
        tf.seed(1)
        got = tf.train(loss, model, [(x, tf.tensor(labels))], state, progress=False,
                       compile=True)
        assert got == want
    with pytest.raises(ValueError, match="label 3 at position 1 is out of range"):
        tf.train(loss, model, [(x, tf.tensor([0, 3, 1, 1]))], state, progress=False,
                 compile=True)


def _sqrt_loss(m: Any, x: Any) -> Any:
    return tf.sqrt(m["w"] * x).sum()  # at x = 0 the loss is finite, its gradient is not


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("nonfinite", ["skip", "raise"])
def test_a_non_finite_gradient_is_skipped_or_refused_as_eager_training_does(nonfinite: str) -> None:
    data = [tf.tensor([1.0, 2.0]), tf.tensor([1.0, 3.0]), tf.tensor([0.0, 1.0]),
            tf.tensor([2.0, 1.0])]
    runs = []
    for compile in (False, True):
        m = {"w": tf.tensor([1.0, 1.0])}
        st = tf.setup(tf.Adam(0.1), m)
        try:
            out: Any = tf.train(_sqrt_loss, m, data, st, epochs=2, progress=False,
                                nonfinite=nonfinite, compile=compile)
        except tf.NonFiniteError as e:
            out = (str(e), e.what, e.name, e.step, e.epoch, e.batch)
        runs.append((out, m["w"].numpy().tolist(), st.step, list(st.skipped)))
    assert runs[0] == runs[1]
    if nonfinite == "skip":
        assert [(s.epoch, s.batch) for s in runs[1][3]] == [(1, 3), (2, 3)]
