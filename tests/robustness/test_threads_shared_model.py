"""One model shared by several threads: each thread takes gradients of it on its own input
(the model's walk is cached per object and shared; the tape is per thread), runs inference
through a test-mode BatchNorm and Dropout, while another thread trains a different model.
Every gradient and output is bit-identical to the single-threaded one, and no thread sees
recording on outside its own gradient call.
"""

from __future__ import annotations

from typing import Any, List

import numpy as np

import typedflux as tf

from thread_helpers import run_together, small_switch_interval  # noqa: F401 (the fixture)


def _f(m: Any, x: Any) -> Any:
    return tf.sum(m(x) * m(x))


def test_threads_sharing_a_model_get_the_single_threaded_results(
        small_switch_interval: None) -> None:  # noqa: F811 (the fixture)
    tf.seed(0)
    model = tf.Chain(tf.Dense(4, 8, tf.relu), tf.LayerNorm(8), tf.Dense(8, 3), tf.softmax)
    infer = tf.testmode(tf.Chain(tf.Dense(4, 6), tf.BatchNorm(6), tf.Dropout(0.5), tf.Dense(6, 1)))
    xs = [tf.tensor(np.random.default_rng(i).standard_normal((5, 4)).astype(np.float32))
          for i in range(6)]
    want = [[g.numpy().copy() for _, g in tf.named_tensors(tf.gradient(_f, model, x)[0])]
            for x in xs]
    want_y = [infer(x).numpy().copy() for x in xs]

    def worker(i: int) -> List[str]:
        bad: List[str] = []
        for rep in range(15):
            loss, (g, _) = tf.withgradient(_f, model, xs[i])
            got = [t.numpy() for _, t in tf.named_tensors(g)]
            if not all(np.array_equal(a, b) for a, b in zip(got, want[i])):
                bad.append(f"gradient {i}/{rep}")
            if not np.array_equal(infer(xs[i]).numpy(), want_y[i]):
                bad.append(f"inference {i}/{rep}")
            if tf.is_recording():
                bad.append(f"recording {i}/{rep}")
        return bad

    def trainer() -> List[str]:
        other = tf.Chain(tf.Dense(4, 6), tf.BatchNorm(6), tf.Dense(6, 1))
        state = tf.setup(tf.Adam(), other)
        data = [(xs[0], tf.zeros(5, 1))]
        for _ in range(15):
            tf.train(lambda m, x, y: tf.losses.mse(m(x), y), other, data, state, progress=False)
        return []

    results = run_together(*[lambda i=i: worker(i) for i in range(len(xs))], trainer)
    assert [b for r in results for b in r] == []
