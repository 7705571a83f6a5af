"""A user layer, function or connection in a container, whose result its own return
annotation refuses.

mypy checks such a body on its own and reports its ``return`` line, wherever the layer is
used. At run time a container holds a user callable to its annotations both ways (its
input before it runs, its result after: ``callables.call_held``), so the same line raises
the same words, not the next layer's error or one prefixed ``Chain layer 2 ...:``. The
fixed versions run clean.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Parallel, SkipConnection, Tensor, relu

B = TypeVar("B", bound=int)


class Widen:
    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, 8]:
        return tf.concat([x, x], axis=1)  # E: Return shape Tensor[B, 16] does not match the annotation Tensor[B, 8]: axis 1 is 16, expected 8  [shape]


class Checked:
    @tf.shapecheck
    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, 8]:
        return x[:, :4]  # E: Return shape Tensor[B, 4] does not match the annotation Tensor[B, 8]: axis 1 is 4, expected 8  [shape]


def halve(x: Tensor[B, 8]) -> Tensor[B, 8]:
    return x[:, ::2]  # E: Return shape Tensor[B, 4] does not match the annotation Tensor[B, 8]: axis 1 is 4, expected 8  [shape]


def join(y: Tensor[B, 8], x: Tensor[B, 8]) -> Tensor[B, 8]:
    return tf.concat([y, x], axis=1)  # E: Return shape Tensor[B, 16] does not match the annotation Tensor[B, 8]: axis 1 is 16, expected 8  [shape]


# The fixed versions.
class Keep:
    def __call__(self, x: Tensor[B, 8]) -> Tensor[B, 8]:
        return x * 2.0


def scaled(x: Tensor[B, 8]) -> Tensor[B, 8]:
    return x * 0.5


def added(y: Tensor[B, 8], x: Tensor[B, 8]) -> Tensor[B, 8]:
    return y + x


x = tf.randn(3, 4)
Chain(Dense(4, 8), Widen(), Dense(8, 2))(x)
Chain(Dense(4, 8), Checked(), Dense(8, 2))(x)
Chain(Dense(4, 8, relu), Parallel(tf.add, halve, Dense(8, 8)))(x)
Chain(Dense(4, 8), SkipConnection(Dense(8, 8), join))(x)
fixed = Chain(Dense(4, 8), Keep(), Parallel(tf.add, scaled, Dense(8, 8)),
              SkipConnection(Dense(8, 8), added), Dense(8, 2))
print(fixed(x).shape)


def run(h: Tensor[B, 4]) -> Tensor[B, 2]:
    return Chain(Dense(4, 8), Widen(), Dense(8, 2))(h)


def run_fixed(h: Tensor[B, 4]) -> Tensor[B, 2]:
    return fixed(h)


run(tf.randn(5, 4))
print(run_fixed(tf.randn(5, 4)).shape)
