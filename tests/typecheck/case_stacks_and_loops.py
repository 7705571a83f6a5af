"""Stacks of blocks and per-step outputs: ``Chain(*[Block() for _ in range(N)])``, a list of
tensors filled in a loop and stacked, and layer helpers written as methods or with locals.

A comprehension over ``range`` of a known length (no condition) unpacked into a ``Chain``
is that many copies of its item; ``tf.stack``/``tf.concat`` of a ``list`` of one tensor type
know every size but the count; a method (``self._make_layer(64, 128)``) or a helper that
names its parts first is typed as the layers it builds for known ints. Each with its fix,
concrete and symbolic; the same lines fail at run time with the same words.
"""

from typing import List, TypeVar

import typedflux as tf
from typedflux import (
    BatchNorm, Chain, Conv, Dense, Flatten, GlobalMeanPool, LayerNorm, Tensor, gelu, relu,
)

B = TypeVar("B", bound=int)
D, V = 64, 100

blocks = Chain(*[Chain(LayerNorm(D), Dense(D, D, gelu)) for _ in range(3)])
logits = Dense(128, V)(blocks(tf.randn(2, 8, D)))  # E: Dense(128 => 100) expects input Tensor[..., 128], got Tensor[2, 8, 64]; need size 128 at axis -1 (got 64)  [shape]
logits_fixed = Dense(D, V)(blocks(tf.randn(2, 8, D)))
widening = Chain(*[Dense(D, 2 * D) for _ in range(2)])  # E: Chain layer 2 Dense(64 => 128) expects input Tensor[..., 64], but layer 1 Dense(64 => 128) produces Tensor[B, 128]; change Dense(64 => 128) to Dense(128 => 128)  [shape]
widening_fixed = Chain(*[Dense(D, D) for _ in range(2)])

steps = []
for t in range(5):
    steps.append(Dense(32, 12)(tf.randn(4, 32)))
per_step = tf.stack(steps, axis=0)
loss = tf.losses.mse(per_step, tf.randn(4, 5, 12))  # E: Shapes differ for "mse": prediction has Tensor[5, 4, 12], target has Tensor[4, 5, 12]; need identical shapes (no broadcasting in losses) (4 vs 5 at axis -2)  [shape]
loss_fixed = tf.losses.mse(tf.stack(steps, axis=1), tf.randn(4, 5, 12))
joined = tf.concat(steps, axis=0) @ tf.randn(4, 12)  # E: Inner dimensions differ for "matmul": x has Tensor[?, 12], w has Tensor[4, 12]; need x.shape[-1] == w.shape[-2] (12 vs 4); did you mean to transpose w (w.T)?  [shape]
joined_fixed = tf.concat(steps, axis=0) @ tf.randn(12, 4)


@tf.shapecheck
def pooled(parts: List[Tensor[B, 16]]) -> Tensor[B, 16]:
    return tf.stack(parts, axis=1)  # E: Return shape Tensor[B, ?, 16] does not match the annotation Tensor[B, 16]: rank is 3, expected 2  [shape]


@tf.shapecheck
def pooled_fixed(parts: List[Tensor[B, 16]]) -> Tensor[B, 16]:
    return tf.stack(parts, axis=1).mean(axis=1)


class Net:
    def __init__(self) -> None:
        self.stage = self._make_layer(16, 32)
        self.head = Chain(GlobalMeanPool(), Flatten(), Dense(64, 10))
        self.head_fixed = Chain(GlobalMeanPool(), Flatten(), Dense(32, 10))

    def _make_layer(self, cin: int, cout: int) -> Chain:
        conv = Conv((3, 3), cin, cout, pad=1, stride=2)
        return Chain(conv, BatchNorm(cout, relu))

    def __call__(self, x: Tensor[B, 16, 8, 8]) -> Tensor[B, 10]:
        return self.head(self.stage(x))  # E: Chain layer 3 Dense(64 => 10) expects input Tensor[..., 64], but layer 2 Flatten() produces Tensor[B, 32]; change Dense(64 => 10) to Dense(32 => 10)  [shape]

    def fixed(self, x: Tensor[B, 16, 8, 8]) -> Tensor[B, 10]:
        return self.head_fixed(self.stage(x))


net = Net()
print(net.fixed(tf.randn(2, 16, 8, 8)).shape)
print(net(tf.randn(2, 16, 8, 8)).shape)
print(pooled([tf.randn(3, 16)] * 2).shape, pooled_fixed([tf.randn(3, 16)] * 2).shape)
