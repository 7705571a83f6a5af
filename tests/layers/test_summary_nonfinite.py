"""tf.summary marks layers holding NaN or infinite values, as Flux's show does."""

from __future__ import annotations

import numpy as np

import typedflux as tf


def test_nan_and_inf_are_flagged_per_layer_and_in_the_total() -> None:
    bn = tf.BatchNorm(2)
    bn.running_var.data[1] = np.inf  # a buffer counts too
    bad = tf.Dense(2, 2)
    bad.weight.data[0, 0] = np.nan
    bad.bias.data[0] = np.inf  # NaN is reported first
    model = tf.Chain(tf.Dense(3, 2), tf.Chain(bad, bn), tf.Dense(2, 1))
    lines = str(tf.summary(model)).splitlines()
    marked = {ln.split()[0]: ln for ln in lines if "(some" in ln}
    assert list(marked) == ["Dense(2", "BatchNorm(2)"]
    assert marked["Dense(2"].endswith("(some NaN)")
    assert marked["BatchNorm(2)"].endswith("(some Inf)")
    assert lines[-1].endswith("; some NaN in them")
    clean = str(tf.summary(tf.Chain(tf.Dense(3, 2), tf.Dense(2, 1))))
    assert "some" not in clean
