"""A mixture of experts: gates per expert times expert outputs stacked on the wrong axis."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


class MoE:
    def __init__(self) -> None:
        self.gate = Dense(16, 4)
        self.experts = [Dense(16, 16, relu) for _ in range(4)]

    def __call__(self, x: Tensor[B, 16]) -> Tensor[B, 16]:
        gates = tf.softmax(self.gate(x), axis=-1)
        outs = tf.stack([e(x) for e in self.experts], axis=0)
        return (gates[:, :, None] * outs).sum(axis=1)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[B, 4, 1], y has Tensor[4, B, 16]; need equal sizes or 1 at axis -3 (B vs 4)  [shape]


moe = MoE()
print(moe(tf.randn(6, 16)).shape)
