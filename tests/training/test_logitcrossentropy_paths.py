"""logitcrossentropy's two code paths agree: the fast path (targets of the logits' shape and
float dtype) and the general one (any other targets, e.g. a float32 one-hot for float64 logits)."""

from __future__ import annotations

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("agg", [tf.mean, tf.sum])
@pytest.mark.parametrize("shape", [(5, 4), (2, 3, 4), (4,)])
def test_general_path_matches_fast_path(shape: tuple[int, ...], agg: object) -> None:
    r = np.random.default_rng(3)
    logits = r.standard_normal(shape) * 5
    targets = r.random(shape)
    targets /= targets.sum(axis=-1, keepdims=True)

    def value_and_grad(y: tf.Tensor) -> tuple[float, np.ndarray]:
        x = tf.tensor(logits, dtype=tf.float64)
        loss, (g,) = tf.withgradient(lambda x: tf.losses.logitcrossentropy(x, y, agg=agg), x)
        return loss.item(), g.numpy()

    fast = value_and_grad(tf.tensor(targets, dtype=tf.float64))
    general = value_and_grad(tf.tensor(targets.astype(np.float32), dtype=tf.float32))
    y32 = targets.astype(np.float32).astype(np.float64)  # what the general path really saw
    shifted = logits - logits.max(axis=-1, keepdims=True)
    logsm = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    per_row = -(y32 * logsm).sum(axis=-1)
    expected = per_row.mean() if agg is tf.mean else per_row.sum()
    assert general[0] == pytest.approx(expected, rel=1e-6)
    assert general[0] == pytest.approx(fast[0], rel=1e-6)
    np.testing.assert_allclose(general[1], fast[1], rtol=1e-5, atol=1e-7)
