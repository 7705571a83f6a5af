"""Recording belongs to the thread that opened the tape: gradients and training in several
threads at once give exactly the results of running them one after another, and inference in
one thread (Dropout, BatchNorm in "auto" mode) is unaffected by training in another. Real
threads, with the interpreter switching between them as often as it can."""

from __future__ import annotations

import threading
from typing import Any, Dict, List

import numpy as np
import pytest

import typedflux as tf
from typedflux.engine.tape import Tape, is_recording

from thread_helpers import run_together, small_switch_interval  # noqa: F401 (the fixture)


# Every test here runs with threads switching as often as the interpreter can.
pytestmark = pytest.mark.usefixtures("small_switch_interval")


class Lockstep:
    """Makes threads take turns op by op: every ``step()`` waits for all of them (so every
    thread's tape is recording at the same time), unless used by one thread alone."""

    def __init__(self, parties: int) -> None:
        self.barrier = threading.Barrier(parties) if parties > 1 else None

    def step(self) -> None:
        if self.barrier is not None:
            self.barrier.wait(10)


def _chain(x: Any, a: Any, n: int, sync: Lockstep) -> Any:
    h = x
    for i in range(n):
        sync.step()
        h = tf.tanh(h * a + 0.1 * i) if i % 2 else h * a - x
    return (h * h).sum()


def _gradients(seed: int, reps: int, sync: Lockstep) -> List[np.ndarray]:
    rng = np.random.default_rng(seed)
    x = tf.tensor(rng.standard_normal(8))
    a = tf.tensor(rng.standard_normal(8))
    out = []
    for r in range(reps):
        gx, ga = tf.gradient(lambda x, a: _chain(x, a, 20, sync), x, a)
        out += [gx.numpy(), ga.numpy()]
    return out


@pytest.mark.parametrize("lockstep", [True, False], ids=["op-by-op", "free-running"])
def test_gradients_in_threads_equal_gradients_one_after_another(lockstep: bool) -> None:
    alone = [_gradients(s, 30, Lockstep(1)) for s in range(4)]
    sync = Lockstep(4 if lockstep else 1)
    together = run_together(*(lambda s=s: _gradients(s, 30, sync) for s in range(4)))
    for a, b in zip(alone, together):
        assert len(a) == len(b)
        for u, v in zip(a, b):
            np.testing.assert_array_equal(u, v)
    assert not is_recording()


def test_threads_differentiating_the_same_tensor_each_get_their_own_gradient() -> None:
    # One tensor, watched by tapes recording in two threads at once (a shared mark).
    x = tf.tensor(np.linspace(-1.0, 1.0, 6))
    w = tf.tensor(np.linspace(0.5, 2.0, 6))

    def loss(x: Any, w: Any, k: float, sync: Lockstep) -> Any:
        sync.step()
        h = x * w + k
        sync.step()
        return (h * h).sum()

    def job(k: float, sync: Lockstep) -> List[np.ndarray]:
        out = []
        for _ in range(30):
            val, (gx, gw) = tf.withgradient(lambda x, w: loss(x, w, k, sync), x, w)
            out.append(np.concatenate([gx.numpy(), gw.numpy(), [val.item()]]))
        return out

    sync = Lockstep(3)
    got = run_together(*(lambda k=k: job(k, sync) for k in (1.0, -3.0, 0.5)))
    for k, results in zip((1.0, -3.0, 0.5), got):
        want = job(k, Lockstep(1))[0]
        for r in results:
            np.testing.assert_array_equal(r, want)
    # Marks are back to what they were: the tensors are constants again.
    assert x._tape is None and w._tape is None


def _mlp(seed: int) -> Any:
    tf.seed(seed)
    return tf.Chain(tf.Dense(6, 16, tf.relu), tf.Dense(16, 16, tf.tanh), tf.Dense(16, 3))


def _train(model: Any, seed: int, steps: int, sync: Lockstep) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    xs = [tf.tensor(rng.standard_normal((8, 6))) for _ in range(4)]
    ys = [tf.tensor(np.eye(3, dtype=np.float32)[rng.integers(0, 3, 8)]) for _ in range(4)]
    state = tf.setup(tf.Adam(1e-2), model)

    def loss(m: Any, x: Any, y: Any) -> Any:
        sync.step()
        h = m[1](m[0](x))  # the layers one at a time, both threads recording meanwhile
        sync.step()
        return tf.losses.logitcrossentropy(m[2](h), y)

    for i in range(steps):
        x, y = xs[i % 4], ys[i % 4]
        _, (g,) = tf.withgradient(lambda m: loss(m, x, y), model)
        tf.update(state, model, g)
    return {n: t.numpy().copy() for n, t in tf.named_tensors(model)}


def test_training_two_models_in_two_threads_equals_training_them_in_turn() -> None:
    alone = [_train(_mlp(s), s, 30, Lockstep(1)) for s in (1, 2)]
    m1, m2 = _mlp(1), _mlp(2)
    sync = Lockstep(2)
    together = run_together(lambda: _train(m1, 1, 30, sync), lambda: _train(m2, 2, 30, sync))
    for a, b in zip(alone, together):
        assert a.keys() == b.keys()
        for name in a:
            np.testing.assert_array_equal(a[name], b[name], err_msg=name)


def _mlp_with_dropout(seed: int) -> Any:
    # Each Dropout draws its masks from its own generator (tf.rng() is one for the process).
    tf.seed(seed)
    return tf.Chain(
        tf.Dense(6, 16, tf.relu), tf.Dropout(0.3, rng=np.random.default_rng(seed)),
        tf.Dense(16, 16, tf.tanh), tf.Dropout(0.2, rng=np.random.default_rng(seed + 100)),
        tf.Dense(16, 3))


def _train_layerwise(model: Any, seed: int, steps: int, sync: Lockstep) -> Dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    xs = [tf.tensor(rng.standard_normal((8, 6))) for _ in range(4)]
    ys = [tf.tensor(np.eye(3, dtype=np.float32)[rng.integers(0, 3, 8)]) for _ in range(4)]
    state = tf.setup(tf.Adam(1e-2), model)

    def loss(m: Any, x: Any, y: Any) -> Any:
        h = x
        for layer in m.layers:  # both threads drawing masks and recording meanwhile
            sync.step()
            h = layer(h)
        return tf.losses.logitcrossentropy(h, y)

    for i in range(steps):
        x, y = xs[i % 4], ys[i % 4]
        _, (g,) = tf.withgradient(lambda m: loss(m, x, y), model)
        tf.update(state, model, g)
    out = {n: t.numpy().copy() for n, t in tf.named_tensors(model)}
    # What each generator has left: the threads drew exactly the numbers of the lone runs.
    out.update({f"rng{i}": np.array([l.rng.random()]) for i, l in enumerate(model.layers)
                if isinstance(l, tf.Dropout)})
    return out


@pytest.mark.parametrize("lockstep", [True, False], ids=["layer-by-layer", "free-running"])
def test_training_models_with_dropout_in_threads_equals_training_them_in_turn(
    lockstep: bool,
) -> None:
    alone = [_train_layerwise(_mlp_with_dropout(s), s, 30, Lockstep(1)) for s in (1, 2)]
    m1, m2 = _mlp_with_dropout(1), _mlp_with_dropout(2)
    sync = Lockstep(2 if lockstep else 1)
    together = run_together(lambda: _train_layerwise(m1, 1, 30, sync),
                            lambda: _train_layerwise(m2, 2, 30, sync))
    for a, b in zip(alone, together):
        assert a.keys() == b.keys()
        for name in a:
            np.testing.assert_array_equal(a[name], b[name], err_msg=name)


def test_inference_in_one_thread_is_unaffected_by_training_in_another() -> None:
    # Dropout and BatchNorm in "auto" mode are active only while *this* thread records.
    model = tf.Chain(tf.Dense(4, 8), tf.BatchNorm(8), tf.Dropout(0.5), tf.Dense(8, 2))
    served = tf.Chain(tf.Dense(4, 8), tf.BatchNorm(8), tf.Dropout(0.5), tf.Dense(8, 2))
    x = tf.tensor(np.random.default_rng(0).standard_normal((16, 4)))
    expected = served(x).numpy().copy()  # inference: dropout off, running statistics used
    stats = [t.numpy().copy() for _, t in tf.named_tensors(served[1])]
    stop = threading.Event()

    def train() -> int:
        state = tf.setup(tf.Descent(1e-3), model)
        n = 0
        while not stop.is_set() or n < 20:
            _, (g,) = tf.withgradient(lambda m: (m(x) ** 2).mean(), model)
            tf.update(state, model, g)
            n += 1
        return n

    def serve() -> int:
        try:
            for _ in range(200):
                assert not is_recording()
                np.testing.assert_array_equal(served(x).numpy(), expected)
        finally:
            stop.set()
        return 200

    steps, served_calls = run_together(train, serve)
    assert steps >= 20 and served_calls == 200
    # The served model's running statistics did not move (they move only while recording).
    for before, (_, t) in zip(stats, tf.named_tensors(served[1])):
        np.testing.assert_array_equal(before, t.numpy())
    assert not is_recording()


def test_is_recording_is_per_thread() -> None:
    seen: Dict[str, bool] = {}
    inside = threading.Event()
    checked = threading.Event()

    def recorder() -> None:
        def f(x: Any) -> Any:
            inside.set()
            checked.wait(5)
            seen["recorder"] = is_recording()
            return x.sum()

        tf.gradient(f, tf.ones(2))

    def observer() -> None:
        inside.wait(5)
        seen["observer"] = is_recording()
        checked.set()

    run_together(recorder, observer)
    assert seen == {"recorder": True, "observer": False}


def test_a_tape_entered_in_one_thread_does_not_record_ops_of_another() -> None:
    tape = Tape()
    x = tf.ones(3)
    out: List[Any] = []
    with tape:
        tape.watch(x)
        t = threading.Thread(target=lambda: out.append(x * 2.0))
        t.start()
        t.join()
    assert out[0]._tape is None and tape.nodes == []
