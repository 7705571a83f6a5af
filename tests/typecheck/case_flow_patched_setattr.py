"""A method replaced by ``setattr`` (case_flow_patched_methods.py, in a module of its own).

A module that calls ``setattr`` is not traced to its constructions (flow_owners.py: any
attribute may change), but a body is still run with its attributes' declared types
(``self.fc = Dense(16, 4)``: ``Dense[16, 4]``). ``setattr(Encoder, "encode", first16)``
replaces ``encode``, so that body is not run (flow_patches.py): silent, as the program runs;
another class's body is still checked, concrete and symbolic. The same lines fail at run
time with the same words.
"""

from typing import Any, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


def first16(self: Any, x: tf.Tensor) -> tf.Tensor:
    return self.fc(x[:, :16])


class Encoder:
    def __init__(self) -> None:
        self.fc = Dense(16, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Plain:
    def __init__(self) -> None:
        self.fc = Dense(16, 4)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


setattr(Encoder, "encode", first16)
Dense(4, 1)(Encoder().encode(tf.randn(2, 32)))
Encoder()(tf.randn(2, 32))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
Plain().encode(tf.randn(2, 32))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
Dense(4, 1)(Plain().encode(tf.randn(2, 16)))


@tf.shapecheck
def encode_patched(x: Tensor[B, 32]) -> Tensor[B, 4]:
    return Encoder().encode(x)


@tf.shapecheck
def encode_plain(x: Tensor[B, 32]) -> Tensor[B, 4]:
    return Plain().encode(x)  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[B, 32]; need size 16 at axis -1 (got 32)  [shape]


encode_patched(tf.randn(3, 32))
encode_plain(tf.randn(3, 32))
