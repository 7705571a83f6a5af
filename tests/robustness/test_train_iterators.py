"""``tf.train(..., epochs=3)`` over a generator trained one epoch and returned silently (the
generator was empty for epochs 2 and 3: 2 losses instead of 6). Now a ValueError before any
update; one epoch over a generator, and any number over a list or a DataLoader, still work.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import typedflux as tf


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.mse(m(x), y)


def test_several_epochs_over_a_one_shot_iterator_are_refused_before_training() -> None:
    m = tf.Dense(2, 1)
    before = m.weight.numpy().copy()
    st = tf.setup(tf.Descent(0.1), m)
    batches = [(tf.ones(3, 2), tf.zeros(3, 1))] * 2
    for data in ((b for b in batches), iter(batches)):
        with pytest.raises(ValueError, match=r"^train: data is a one-shot iterator \((generator|"
                                             r"list_iterator)\), which epochs 2\.\.3 would find "
                                             r"empty; pass a list or a DataLoader"):
            tf.train(_loss, m, data, st, epochs=3, progress=False)
    np.testing.assert_array_equal(m.weight.numpy(), before)
    assert len(tf.train(_loss, m, (b for b in batches), st, progress=False)) == 2
    assert len(tf.train(_loss, m, batches, st, epochs=3, progress=False)) == 6
    dl = tf.DataLoader((np.ones((5, 2), np.float32), np.zeros((5, 1), np.float32)), batchsize=2)
    assert len(tf.train(_loss, m, dl, st, epochs=2, progress=False)) == 6
