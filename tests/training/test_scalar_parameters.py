"""A learned 0-d parameter (CLIP's logit scale, a temperature, ReZero's alpha) trains with every
rule, eagerly and compiled, with the same numbers."""

from __future__ import annotations

from typing import Any, List, Tuple

import numpy as np
import pytest

import typedflux as tf
from typedflux import Dense

RULES = [tf.Descent(0.1), tf.Momentum(0.05), tf.Adam(1e-2), tf.AdamW(1e-2), tf.OAdam(1e-2),
         tf.RAdam(1e-2), tf.NAdam(1e-2), tf.AdaMax(1e-2), tf.AdaBelief(1e-2), tf.Lion(1e-3),
         tf.RMSProp(1e-2), tf.AdaGrad(1e-2), tf.AdaDelta(),
         tf.OptimiserChain(tf.ClipNorm(1.0), tf.Adam(1e-2))]


class Scaled:
    def __init__(self) -> None:
        self.scale = tf.tensor(np.float32(0.5))
        self.head = Dense(3, 1)


def _loss(m: Any, x: Any, y: Any) -> Any:
    return tf.losses.mse(m.head(x) * tf.exp(m.scale), y)


def _train(rule: Any, compile: bool) -> Tuple[List[float], np.ndarray]:
    tf.seed(0)
    model = Scaled()
    state = tf.setup(rule, model)
    data = tf.DataLoader((tf.randn(8, 3), tf.randn(8, 1)), batchsize=4)
    history = tf.train(_loss, model, data, state, epochs=3, progress=False, compile=compile)
    return history, model.scale.numpy()


@pytest.mark.parametrize("rule", RULES, ids=[type(r).__name__ for r in RULES])
def test_a_scalar_parameter_trains_the_same_eager_and_compiled(rule: Any) -> None:
    eager_history, eager_scale = _train(rule, compile=False)
    compiled_history, compiled_scale = _train(rule, compile=True)
    assert eager_scale.shape == () and eager_scale != np.float32(0.5)  # it moved
    assert eager_history == compiled_history
    assert eager_scale.tobytes() == compiled_scale.tobytes()
