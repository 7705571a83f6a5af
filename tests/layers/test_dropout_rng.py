"""``Dropout(p, rng=generator)``: a layer's own random generator (Flux's ``Dropout(p; rng)``).
Its masks come from that generator alone, the process-wide ``tf.rng()`` is left alone, and the
model walk (gradients, optimiser state, checkpoints) does not take the generator for a tensor.
Compiled steps and threads: tests/compiler/test_compile_equal.py, tests/engine/test_threads.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import typedflux as tf


def _model(seed: int) -> Any:
    tf.seed(0)
    return tf.Chain(tf.Dense(3, 6), tf.Dropout(0.5, rng=np.random.default_rng(seed)),
                    tf.Dense(6, 2))


def test_masks_come_from_the_layers_own_generator_only() -> None:
    d = tf.Dropout(0.4, True, rng=np.random.default_rng(5))
    x = tf.ones(6, 7)
    before = tf.rng().bit_generator.state
    got = d(x).numpy()
    assert tf.rng().bit_generator.state == before  # tf.rng() was not drawn from
    keep = np.random.default_rng(5).random((6, 7)) >= 0.4
    np.testing.assert_array_equal(got, (keep / 0.6).astype(np.float32))
    # The next call takes the generator's next numbers.
    again = d(x).numpy()
    assert not np.array_equal(got, again)


def test_same_seed_same_masks_whatever_tf_seed_says() -> None:
    x = tf.ones(4, 3)
    a, b = _model(1), _model(1)
    tf.seed(10)
    ga = tf.gradient(lambda m: m(x).sum(), a)[0]
    tf.seed(99)
    gb = tf.gradient(lambda m: m(x).sum(), b)[0]
    np.testing.assert_array_equal(ga.layers[0].weight.data, gb.layers[0].weight.data)


def test_bad_generator_names_dropout_and_rng() -> None:
    need = "need a numpy.random.Generator (np.random.default_rng(seed)) or None"
    for bad in (7, "seed", np.random.RandomState(0), np.random.default_rng):
        with pytest.raises(TypeError, match=r'for "Dropout": rng = ') as info:
            tf.Dropout(0.5, rng=bad)
        assert str(info.value).endswith(need)


def test_generator_is_not_a_tensor_to_the_walk_or_checkpoints(tmp_path: Path) -> None:
    m = _model(2)
    assert [n for n, _ in tf.named_tensors(m)] == [
        "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"]
    state = tf.setup(tf.Adam(1e-2), m)
    _, (g,) = tf.withgradient(lambda m: m(tf.ones(4, 3)).sum(), m)
    assert g.layers[1].rng is None
    tf.update(state, m, g)
    path = tmp_path / "m.safetensors"
    tf.save(m, path)
    other = _model(3)
    gen = other[1].rng
    tf.load(other, path)
    assert other[1].rng is gen  # loading touches tensors only
    for (n, t), (_, u) in zip(tf.named_tensors(m), tf.named_tensors(other)):
        np.testing.assert_array_equal(t.data, u.data, err_msg=n)
    assert repr(m[1]) == "Dropout(0.5)"
