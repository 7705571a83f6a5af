"""Threads running ``tf.train(..., compile=True)`` with one shared loss function (so one
cached compiled step) on their own models and data, under a forced small switch interval:
bit-identical to running them one after another, in eager and compiled mode, with a
composed optimiser and a Dropout drawing from its own generator.
"""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np
import pytest

import typedflux as tf

from thread_helpers import run_together, small_switch_interval  # noqa: F401 (the fixture)


def _loss(m: Any, x: Any, y: Any) -> Any:
    return ((m(x) - y) ** 2).mean()


def _model(seed: int) -> Any:
    tf.seed(seed)
    return tf.Chain(tf.Dense(4, 8, tf.relu), tf.Dropout(0.3, rng=np.random.default_rng(seed)),
                    tf.Dense(8, 1))


def _data(seed: int) -> List[Tuple[Any, Any]]:
    r = np.random.default_rng(seed)
    return [(tf.tensor(r.standard_normal((5, 4)).astype(np.float32)),
             tf.tensor(r.standard_normal((5, 1)).astype(np.float32))) for _ in range(4)]


def _rule() -> Any:
    return tf.OptimiserChain(tf.ClipNorm(1.0), tf.Adam(0.01))


def _run(m: Any, st: Any, seed: int, compile: bool) -> Tuple[List[float], List[np.ndarray]]:
    losses = tf.train(_loss, m, _data(seed), st, 3, progress=False, compile=compile)
    return losses, [p.numpy().copy() for p in tf.params(m)]


@pytest.mark.parametrize("compile", [False, True], ids=["eager", "compiled"])
def test_training_in_threads_equals_training_in_turn(compile: bool,
                                                     small_switch_interval: None) -> None:
    seeds = [0, 1, 2]
    alone = []
    for s in seeds:
        m = _model(s)
        alone.append(_run(m, tf.setup(_rule(), m), s, compile))
    models = [_model(s) for s in seeds]
    states = [tf.setup(_rule(), m) for m in models]
    got = run_together(*(lambda k=k: _run(models[k], states[k], seeds[k], compile)
                         for k in range(len(seeds))))
    for k in range(len(seeds)):
        losses, params = got[k]
        assert losses == alone[k][0]
        for a, b in zip(params, alone[k][1]):
            np.testing.assert_array_equal(a, b)
