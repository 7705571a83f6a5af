"""A broadcast clash names the axis the run time names, or none: the run time checks the
axes from the first, so a clash is reported only when no axis before it may clash first."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Conv, Dense, Tensor, relu

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)


class MoE:
    def __init__(self, n: int = 4) -> None:  # (a count in a parameter: not known statically)
        self.gate = Dense(16, 4)
        self.experts = [Dense(16, 16, relu) for _ in range(n)]

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        gates = tf.softmax(self.gate(x), axis=-1)
        outs = tf.stack([e(x) for e in self.experts], axis=0)
        reveal_type(outs)  # N: Revealed type is "typedflux.tensor.Tensor[Any, B, Literal[16]]"
        # The run time names axis -3 (B vs the count of experts), which is not known here:
        # axis -2 (4 vs B) clashes too, but naming it would name another axis than the run.
        return (gates[:, :, None] * outs).sum(axis=1)


class MoEFixed(MoE):
    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        gates = tf.softmax(self.gate(x), axis=-1)
        outs = tf.stack([e(x) for e in self.experts], axis=1)
        return (gates[:, :, None] * outs).sum(axis=1)


def conv_last(x: Tensor[B, 6, H, H], z: Tensor[B, H, H, 6]) -> None:
    # A generic function holds for every H: axis -3 clashes first (axis -1 too).
    print(Conv((3, 3), 6, 5)(x).transpose(0, 2, 3, 1) + z)  # E: Cannot broadcast for "add": x has Tensor[B, H - 2, H - 2, 5], y has Tensor[B, H, H, 6]; need equal sizes or 1 at axis -3 (H - 2 vs H)  [shape]


def conv_first(x: Tensor[B, 6, H, H], z: Tensor[B, 6, H, H]) -> None:
    print(Conv((3, 3), 6, 5)(x) + z)  # E: Cannot broadcast for "add": x has Tensor[B, 5, H - 2, H - 2], y has Tensor[B, 6, H, H]; need equal sizes or 1 at axis -3 (5 vs 6)  [shape]


def conv_fixed(x: Tensor[B, 6, H, H], z: Tensor[B, 5, H, H]) -> None:
    print(Conv((3, 3), 6, 5, pad=1)(x) + z)


MoEFixed()(tf.randn(6, 16))
conv_fixed(tf.zeros(2, 6, 8, 8), tf.zeros(2, 5, 8, 8))
MoE()(tf.randn(6, 16))
conv_last(tf.zeros(2, 6, 8, 8), tf.zeros(2, 8, 8, 6))
conv_first(tf.zeros(2, 6, 8, 8), tf.zeros(2, 6, 8, 8))
