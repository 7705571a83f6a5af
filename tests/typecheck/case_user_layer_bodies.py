"""User layers whose ``__call__`` takes a bare ``Tensor``: the body is the layer's rule.

``def __call__(self, x: tf.Tensor) -> tf.Tensor`` names no shape, so its signature says
nothing; when the body is straight-line and made of layers the instance holds (by their
declared types), ops and numbers, a call is typed by what the body gives its input, a
mismatch in the body is reported at the call (where the run time raises), and in a Chain
the layer is checked where the Chain is called, as a lambda is. A body with anything else
(a loop, a method of the instance, an attribute of no known shape) stays unknown; a body
that fails for every input is reported in the body, once. Each with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, gelu

B = TypeVar("B", bound=int)


class MLPBlock:
    def __init__(self) -> None:
        self.up = Dense(64, 256, gelu)
        self.down = Dense(256, 32)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.down(self.up(x))


class PreNorm:
    def __init__(self) -> None:
        self.norm = LayerNorm(64)
        self.ff = Dense(64, 64, gelu)
        self.scale = 0.5

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = self.norm(x)
        return x + self.ff(h) * self.scale


class Looped:
    def __init__(self) -> None:
        self.parts = [Dense(64, 64), Dense(64, 64)]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for part in self.parts:
            x = part(x)
        return x


class Narrowed:
    def __init__(self) -> None:
        self.a = Dense(64, 32)
        self.b = Dense(64, 10)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.b(self.a(x))  # E: Dense(64 => 10) expects input Tensor[..., 64], got Tensor[..., 32]; need size 64 at axis -1 (got 32)  [shape]


block = MLPBlock()
Narrowed()(tf.randn(2, 64))
out = block(tf.randn(2, 64))
logits = Dense(64, 10)(out)  # E: Dense(64 => 10) expects input Tensor[..., 64], got Tensor[2, 32]; need size 64 at axis -1 (got 32)  [shape]
logits_fixed = Dense(32, 10)(out)
block(tf.randn(2, 128))  # E: Dense(64 => 256, gelu) expects input Tensor[..., 64], got Tensor[2, 128]; need size 64 at axis -1 (got 128)  [shape]
model = Chain(Dense(10, 64), PreNorm(), MLPBlock(), Dense(64, 5))
model(tf.randn(3, 10))  # E: Chain layer 4 Dense(64 => 5) expects input Tensor[..., 64], but layer 3 MLPBlock() produces Tensor[3, 32]; change Dense(64 => 5) to Dense(32 => 5)  [shape]
model_fixed = Chain(Dense(10, 64), PreNorm(), MLPBlock(), Dense(32, 5))
model_fixed(tf.randn(3, 10))
Chain(Dense(10, 64), Looped(), Dense(64, 5))(tf.randn(3, 10))


@tf.shapecheck
def encode(x: Tensor[B, 64]) -> Tensor[B, 64]:
    return block(PreNorm()(x))  # E: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]


@tf.shapecheck
def encode_fixed(x: Tensor[B, 64]) -> Tensor[B, 32]:
    return block(PreNorm()(x))


encode(tf.randn(2, 64))
encode_fixed(tf.randn(2, 64))
