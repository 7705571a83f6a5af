"""User-defined layer classes: an annotated ``__call__`` is the layer's shape contract, unified
with the incoming shape (symbolic dims included) inside and outside containers."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Dense, Parallel, SkipConnection, Tensor, relu
from typedflux.layers import Layer

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
T = TypeVar("T", bound=int)


class Doubler:
    """Concatenates its input with itself: ``Tensor[B, N] -> Tensor[B, 2*N]``."""

    def __call__(self, x: Tensor[B, N]) -> Tensor[B, "2*N"]:
        return tf.cat(x, x)


class Head:
    """A classifier head with a fixed input width; ``@tf.shapecheck`` checks direct calls."""

    def __init__(self) -> None:
        self.dense = Dense(64, 10)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 64]) -> Tensor[B, 10]:
        return self.dense(x)


class Mixer:
    """Mixes each time step's features: ``Tensor[B, T, N] -> Tensor[B, T, N]``."""

    def __call__(self, x: Tensor[B, T, N]) -> Tensor[B, T, N]:
        return x * 2.0


class Gate(Layer):
    """A user layer built on typedflux's Layer base class (no spec: its annotation rules)."""

    def __init__(self) -> None:
        self.proj = Dense(16, 16)

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return x * tf.sigmoid(self.proj(x))


x = tf.zeros(4, 16)
gated = Chain(Dense(16, 16), Gate(), Dense(16, 2))
reveal_type(gated(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[2]]"
gated_bad = Chain(Dense(16, 8), Gate())  # E: Chain layer 2 Gate(): Argument "x" of "Gate.__call__" has shape Tensor[B, 8], which does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]  # N: input to layer 2: Tensor[B, 8]
grown = Chain(Dense(16, 32), Doubler(), Dense(64, 8))
reveal_type(grown(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[8]]"
grown_bad = Chain(Dense(16, 32), Doubler(), Dense(32, 8))  # E: Chain layer 3 Dense(32 => 8) expects input Tensor[..., 32], but layer 2 Doubler() produces Tensor[B, 64]; change Dense(32 => 8) to Dense(64 => 8)  [shape]
classifier = Chain(Dense(16, 64, relu), Head())
reveal_type(classifier(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[10]]"
classifier_bad = Chain(Dense(16, 32, relu), Head())  # E: Chain layer 2 Head(): Argument "x" of "Head.__call__" has shape Tensor[B, 32], which does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]  # N: input to layer 2: Tensor[B, 32]
reveal_type(Head()(tf.zeros(4, 64)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[10]]"


class Named:
    """A block whose repr is a string literal: messages name it by that literal."""

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return x

    def __repr__(self) -> str:
        return "Named(16)"


class Sized:
    """A block whose repr depends on its state: the checker names it by its class."""

    def __init__(self, width: int) -> None:
        self.width = width

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        return x

    def __repr__(self) -> str:
        return f"Sized({self.width})"


named_bad = Chain(Dense(16, 8), Named())  # E: Chain layer 2 Named(16): Argument "x" of "Named.__call__" has shape Tensor[B, 8], which does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]  # N: input to layer 2: Tensor[B, 8]
sized_bad = Chain(Dense(16, 8), Sized(16))  # E: Chain layer 2 Sized(...): Argument "x" of "Sized.__call__" has shape Tensor[B, 8], which does not match the annotation Tensor[B, 16]: axis 1 is 8, expected 16  [shape]  # N: input to layer 2: Tensor[B, 8]
sized_later = Chain(Sized(16), Dense(8, 2))  # E: Chain layer 2 Dense(8 => 2) expects input Tensor[..., 8], but layer 1 Sized(...) produces Tensor[B, 16]; change Dense(8 => 2) to Dense(16 => 2)  [shape]
direct_bad = Head()(tf.zeros(4, 32))  # E: Argument "x" of "Head.__call__" has shape Tensor[4, 32], which does not match the annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]  # N: B=4

# In containers: a SkipConnection must add the head's output to its input.
residual_head = SkipConnection(Head(), tf.add)  # E: SkipConnection(Head(), add) cannot join its input and its layer's output: Cannot broadcast for "add": xs[0] has Tensor[B, 10], xs[1] has Tensor[B, 64]; need equal sizes or 1 at axis -1 (10 vs 64)  [shape]
both = Parallel(tf.cat, Doubler(), Dense(16, 8))
reveal_type(both(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[40]]"
both_bad = Parallel(tf.add, Doubler(), Dense(16, 16))

seq = Chain(tf.Embedding(100, 16), Mixer(), tf.LayerNorm(16))
reveal_type(seq(tf.zeros(2, 7, dtype=tf.int64)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[7], Literal[16]]"
seq_bad = Chain(tf.Embedding(100, 16), Mixer(), tf.LayerNorm(32))  # E: Chain layer 3 LayerNorm(32) expects input Tensor[..., 32], but layer 2 Mixer() produces Tensor[B, T, 16]; change LayerNorm(32) to LayerNorm(16)  [shape]
mixer_rank = Chain(Dense(16, 16), Mixer())


def classify(v: Tensor[B, 16]) -> Tensor[B, 10]:
    return classifier(v)


def classify_bad(v: Tensor[B, 8]) -> Tensor[B, 10]:
    return classifier(v)  # E: Chain layer 1 Dense(16 => 64, relu) expects input Tensor[..., 16], got Tensor[B, 8]; need size 16 at axis -1 (got 8)  [shape]


def grow(v: Tensor[B, N]) -> Tensor[B, "2*N"]:
    return Doubler()(v)


classify(tf.zeros(3, 16))
classify_bad(tf.zeros(3, 8))
reveal_type(grow(tf.zeros(3, 5)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[10]]"
