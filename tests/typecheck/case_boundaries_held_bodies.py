"""A held instance's method, a layer given by a name, and ``hasattr`` of a one-path write.

- ``m.encoder.encode(x)``: a method of an instance held by a traced instance (its
  construction's run built ``self.encoder = Encoder(d, 8)``) runs on what that run built, as
  ``m.encoder(x)`` does (layer_bodies.user_method_call).
- ``LoRA(layer, 4)`` of a layer given by a NAME: not held by the run (the name may hold
  another layer by then: rebound here), so ``self.base`` is its declared ``Dense``, of
  unknown sizes: nothing is reported and its output's width is unknown.
- ``hasattr(self, "seen")`` after a method that writes ``self.seen`` was called on one
  branch of a test the call's values do not decide: the instance may not have it, so both
  branches of the ``hasattr`` run, joined (its output's width is unknown), never the one
  branch a ``True`` would take.

The same lines fail at run time with the same words.
"""

import os

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Tensor


class Encoder:
    def __init__(self, d: int, h: int) -> None:
        self.proj = Dense(d, h)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


class Model:
    def __init__(self, d: int) -> None:
        self.encoder = Encoder(d, 8)


m = Model(16)
m.encoder.encode(tf.randn(2, 12))  # E: Dense(16 => 8) expects input Tensor[..., 16], got Tensor[2, 12]; need size 16 at axis -1 (got 12)  [shape]
e: Tensor[2, 8] = m.encoder.encode(tf.randn(2, 16))
Dense(4, 2)(m.encoder.encode(tf.randn(2, 16)))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 8]; need size 4 at axis -1 (got 8)  [shape]
Dense(8, 2)(m.encoder.encode(tf.randn(2, 16)))


class LoRA:
    def __init__(self, base: Dense, r: int) -> None:
        self.base = base
        self.down = Dense(8, r)
        self.up = Dense(r, 8)

    def __call__(self, x: Tensor) -> Tensor:
        return self.base(x) + self.up(self.down(x))


layer = Dense(8, 16)
layer = Dense(8, 8)
lora = LoRA(layer, 4)
lora(tf.randn(2, 8))
reveal_type(lora.base(tf.randn(2, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Any]"


class Tracker:
    def __init__(self, training: bool) -> None:
        self.training = training

    def remember(self, x: Tensor) -> Tensor:
        self.seen = x
        return x

    def __call__(self, x: Tensor) -> Tensor:
        if self.training:
            x = self.remember(x)
        if hasattr(self, "seen"):
            x = tf.cat(x, x, axis=-1)
        return x


always = Tracker(True)
Dense(8, 2)(always(tf.randn(2, 8)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]
maybe = Tracker(os.environ.get("TYPEDFLUX_TRACK") == "1")
reveal_type(maybe(tf.randn(2, 8)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Any]"
Dense(8, 2)(maybe(tf.randn(2, 8)))  # (taking hasattr as True would claim Tensor[2, 16])
