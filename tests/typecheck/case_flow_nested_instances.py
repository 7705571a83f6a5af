"""A model instance built in another model's ``__init__`` with that construction's values.

A LLaMA block holds its SwiGLU MLP (``self.mlp = SwiGLU(d)``), whose hidden width is ``8d/3``
rounded up to a multiple of 16 (``16 * ((int(8 * d / 3) + 15) // 16)``: 64 for ``d = 24``).
Where ``Block(24)`` (or a model holding it) is traced to its construction, its ``__init__``
runs with ``d = 24``, and so does ``SwiGLU(d)``'s: the block's body calls ``self.mlp`` with
the layers that construction builds, so a down projection written with the usual ``4 * d``
is reported at the call, two constructions deep too. Not claimed (mypy's types, silent): an
attribute of the inner instance something rebinds later. Each with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, sigmoid

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class SwiGLU:
    def __init__(self, d: int) -> None:
        hidden = 16 * ((int(8 * d / 3) + 15) // 16)
        self.w1 = Dense(d, hidden, bias=False)
        self.w3 = Dense(d, hidden, bias=False)
        self.w2 = Dense(4 * d, d, bias=False)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        a = self.w1(x)
        return self.w2(a * sigmoid(a) * self.w3(x))


class SwiGLUFixed:
    def __init__(self, d: int) -> None:
        hidden = 16 * ((int(8 * d / 3) + 15) // 16)
        self.w1 = Dense(d, hidden, bias=False)
        self.w3 = Dense(d, hidden, bias=False)
        self.w2 = Dense(hidden, d, bias=False)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        a = self.w1(x)
        return self.w2(a * sigmoid(a) * self.w3(x))


class Block:
    def __init__(self, d: int) -> None:
        self.mix = Dense(d, d)
        self.mlp = SwiGLU(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x + self.mix(x)
        return x + self.mlp(x)


class BlockFixed:
    def __init__(self, d: int) -> None:
        self.mix = Dense(d, d)
        self.mlp = SwiGLUFixed(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = x + self.mix(x)
        return x + self.mlp(x)


class TinyLlama:
    def __init__(self, d: int, n_out: int) -> None:
        self.block = Block(d)
        self.head = Dense(d, n_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.block(x))


class TinyLlamaFixed:
    def __init__(self, d: int, n_out: int) -> None:
        self.block = BlockFixed(d)
        self.head = Dense(d, n_out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(self.block(x))


Block(24)(tf.randn(2, 4, 24))  # E: Dense(96 => 24, bias=False) expects input Tensor[..., 96], got Tensor[2, 4, 64]; need size 96 at axis -1 (got 64)  [shape]
Dense(24, 1)(BlockFixed(24)(tf.randn(2, 4, 24)))
model = TinyLlama(24, 10)
model(tf.randn(2, 4, 24))  # E: Dense(96 => 24, bias=False) expects input Tensor[..., 96], got Tensor[2, 4, 64]; need size 96 at axis -1 (got 64)  [shape]
fixed = TinyLlamaFixed(24, 10)
Dense(10, 1)(fixed(tf.randn(2, 4, 24)))
Dense(24, 1)(fixed(tf.randn(2, 4, 24)))  # E: Dense(24 => 1) expects input Tensor[..., 24], got Tensor[2, 4, 10]; need size 24 at axis -1 (got 10)  [shape]


@tf.shapecheck
def mix(x: Tensor[B, T, 48]) -> Tensor[B, T, 48]:
    return Block(48)(x)  # E: Dense(192 => 48, bias=False) expects input Tensor[..., 192], got Tensor[B, T, 128]; need size 192 at axis -1 (got 128)  [shape]


@tf.shapecheck
def mix_fixed(x: Tensor[B, T, 48]) -> Tensor[B, T, 48]:
    return BlockFixed(48)(x)


mix(tf.randn(2, 3, 48))
mix_fixed(tf.randn(2, 3, 48))


class Gate:
    def __init__(self, d: int) -> None:
        self.up = Dense(d, 2 * d)
        self.down = Dense(4 * d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.down(self.up(x))


class Retuned:
    def __init__(self, d: int) -> None:
        self.gate = Gate(d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.gate(x)


retuned = Retuned(24)
retuned.gate.down = Dense(48, 24)
Dense(24, 1)(retuned(tf.randn(2, 4, 24)))
