"""A parameter holding a read-only array (a memory-mapped or broadcast array put into a
layer) is refused by ``tf.update`` before anything changes, naming the parameter: it failed
in numpy's words ('output array is read-only') after the parameters before it had moved."""

from __future__ import annotations

import numpy as np
import pytest

import typedflux as tf


@pytest.mark.parametrize("rule", [tf.Descent(0.1), tf.Adam(), tf.Momentum(0.1)],
                         ids=lambda r: type(r).__name__)
def test_a_read_only_parameter_is_refused_before_anything_changes(rule: object) -> None:
    model = tf.Chain(tf.Dense(3, 4), tf.Dense(4, 2))
    frozen = np.ones((2, 4), np.float32)
    frozen.flags.writeable = False
    model.layers[1].weight.data = frozen
    state = tf.setup(rule, model)
    before = [t.numpy().copy() for _, t in tf.named_tensors(model)]
    (g,) = tf.gradient(lambda m: m(tf.ones(5, 3)).sum(), model)
    with pytest.raises(ValueError) as err:
        tf.update(state, model, g)
    assert str(err.value) == (
        'update: parameter layers.1.weight holds a read-only array, so it cannot be updated '
        "in place; give it a writable copy (p.data = p.data.copy()) or leave it out of "
        "training with tf.freeze")
    after = [t.numpy() for _, t in tf.named_tensors(model)]
    assert all(np.array_equal(a, b) for a, b in zip(before, after))
    assert state.step == 0
    # The fix the message gives works.
    model.layers[1].weight.data = model.layers[1].weight.data.copy()
    tf.update(state, model, g)
    assert state.step == 1
