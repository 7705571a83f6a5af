"""A model's ``__init__`` building a block whose ``__call__`` body runs per construction.

``self.decoder = Decoder(8)`` in ``Seq2Seq.__init__``: the plugin checks the decoder's
``__call__`` body again for that construction (flow_calls.py, a shaped input) while mypy
checks ``Seq2Seq.__init__``. A local of that body mypy has not typed yet (``n =
x.shape[0]``) must not be inferred then: mypy would put off ``Seq2Seq.__init__``, and the
module-level ``model.decoder`` would be ``Cannot determine type of "decoder"`` (a false
``[has-type]``). An ``Optional[Tensor]`` parameter names no shape (the body is not run per
construction). Clean, and runs.
"""

from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Decoder:
    def __init__(self, hidden: int) -> None:
        self.fc = Dense(hidden, hidden)

    def __call__(self, x: tf.Tensor, target: Optional[tf.Tensor] = None) -> tf.Tensor:
        n = x.shape[0]
        outs = []
        for _ in range(3):
            x = self.step(x) + tf.zeros(n, 1)
            outs.append(x)
        return tf.concat(outs, axis=1)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class ShapedDecoder:
    def __init__(self, hidden: int) -> None:
        self.fc = Dense(hidden, hidden)

    def __call__(self, x: Tensor[B, 8]) -> tf.Tensor:
        n = x.shape[0]
        outs = []
        for _ in range(3):
            x = self.step(x) + tf.zeros(n, 1)
            outs.append(x)
        return tf.concat(outs, axis=1)

    def step(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Seq2Seq:
    def __init__(self) -> None:
        self.decoder = Decoder(8)
        self.shaped = ShapedDecoder(8)


model = Seq2Seq()
out = model.decoder(tf.randn(2, 8))
shaped_out = model.shaped(tf.randn(2, 8))
