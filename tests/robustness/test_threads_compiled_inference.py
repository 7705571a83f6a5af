"""A compiled training step (``tf.withgradient`` and ``tf.update`` inside ``tf.compile``) in
one thread while other threads run inference in automatic mode on another model holding
BatchNorm and Dropout, under a forced small switch interval: the inference threads never see
a recording (``tf.is_recording()`` false there), Dropout never drops, BatchNorm's running
statistics never move, every output equals the one computed before the threads started; and
a compiled function differentiated in one thread while another replays it gives each thread
its own exact results. (Found clean in the attack round of the 2026-12-06 03:53 session; kept
so the compiled path stays per-thread.)
"""

from __future__ import annotations

import threading
from typing import Any, List

import numpy as np
import pytest

import typedflux as tf

from thread_helpers import run_together, small_switch_interval  # noqa: F401 (the fixture)


def test_compiled_training_beside_automatic_mode_inference(small_switch_interval: None) -> None:
    tf.seed(0)
    trained = tf.Chain(tf.Dense(4, 8, tf.relu), tf.Dense(8, 1))
    served = tf.Chain(tf.Dense(4, 8), tf.BatchNorm(8), tf.Dropout(0.5), tf.Dense(8, 1))
    state = tf.setup(tf.Adam(0.01), trained)
    x = tf.randn(6, 4)
    expected = served(x).numpy().copy()
    stats = [t.numpy().copy() for n, t in tf.named_tensors(served) if "running" in n]
    assert stats  # BatchNorm's running mean and variance

    @tf.compile
    def step(m: Any, xb: Any, yb: Any) -> Any:
        loss, (g,) = tf.withgradient(lambda mm: tf.losses.mse(mm(xb), yb), m)
        tf.update(state, m, g)
        return loss

    done = threading.Event()
    batches = [(tf.randn(5, 4), tf.randn(5, 1)) for _ in range(60)]

    def train() -> int:
        try:
            for xb, yb in batches:
                step(trained, xb, yb)
        finally:
            done.set()
        return step.stats()["replays"]

    def serve() -> List[bool]:
        seen = []
        while not done.is_set() or not seen:
            seen.append(not tf.is_recording() and bool((served(x).numpy() == expected).all()))
        return seen

    replays, *served_runs = run_together(train, serve, serve)
    assert replays == len(batches) - 1
    for seen in served_runs:
        assert seen and all(seen)
    after = [t.numpy() for n, t in tf.named_tensors(served) if "running" in n]
    for a, b in zip(stats, after):
        np.testing.assert_array_equal(a, b)


@pytest.mark.filterwarnings("ignore:tf.compile:RuntimeWarning")  # (inside a gradient: eager)
def test_a_compiled_function_differentiated_in_one_thread_and_replayed_in_another(
        small_switch_interval: None) -> None:
    f = tf.compile(lambda v: (v * v).sum())

    def differentiate() -> List[bool]:
        out = []
        for i in range(80):
            (g,) = tf.gradient(f, tf.tensor(np.full(3, float(i), np.float32)))
            out.append(bool((g.numpy() == 2 * i).all()))
        return out

    def replay() -> List[bool]:
        return [f(tf.tensor(np.full(3, float(i), np.float32))).item() == 3 * i * i
                for i in range(80)]

    for results in run_together(differentiate, replay):
        assert len(results) == 80 and all(results)
