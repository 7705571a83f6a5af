"""``x.item()`` of a shape that cannot hold one element, and the batches of a DataLoader.

``item()`` of a per-class loss vector or a batch raises at run time; a shape with a literal
dim other than 1 proves it before (symbolic dims alone prove nothing: ``B`` may be 1). A
``for`` loop over ``tf.DataLoader((x, y), ...)`` of tensors of known shapes gets batches with
the same trailing dims and an unknown batch size, so a model output against targets of
another rank is caught in the loop. Each with its fix; the same lines fail at run time with
the same words.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)

pred, target = tf.randn(8, 10), tf.randn(8, 10)
per_class = ((pred - target) ** 2).mean(axis=0)
print(per_class.item())  # E: item() needs a tensor of one element, got Tensor[10] (use .sum(), .any() or index it first)  [shape]
print(per_class.mean().item())
print(per_class[None, :1].item())


@tf.shapecheck
def first_loss(losses: Tensor[B, 3]) -> float:
    return float(losses[0].item())  # E: item() needs a tensor of one element, got Tensor[3] (use .sum(), .any() or index it first)  [shape]


@tf.shapecheck
def first_loss_fixed(losses: Tensor[B, 3]) -> float:
    return float(losses[0, 0].item())


def unknown_count(losses: Tensor[B, 1]) -> float:
    return float(losses.item())  # B may be 1: not an error


model = Chain(Dense(8, 16, relu), Dense(16, 1))
x, y = tf.randn(64, 8), tf.randn(64)
for xb, yb in tf.DataLoader((x, y), batchsize=16):
    loss = tf.losses.mse(model(xb), yb)  # E: Shapes differ for "mse": prediction has Tensor[?, 1], target has Tensor[?]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[?, 1] or squeeze the prediction  [shape]
    loss_fixed = tf.losses.mse(model(xb), yb[:, None])
for xb in tf.DataLoader(x, batchsize=10, shuffle=True):
    out = Dense(16, 4)(xb)  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[?, 8]; need size 16 at axis -1 (got 8)  [shape]
    out_fixed = Dense(8, 4)(xb)


def epoch(data: Tensor[N, 8], labels: Tensor[N, 1]) -> None:
    for xb, yb in tf.DataLoader((data, labels), batchsize=4):
        tf.losses.mse(Dense(8, 2)(xb), yb)  # E: Shapes differ for "mse": prediction has Tensor[?, 2], target has Tensor[?, 1]; need identical shapes (no broadcasting in losses) (2 vs 1 at axis -1)  [shape]
        tf.losses.mse(Dense(8, 1)(xb), yb)


print(first_loss(tf.randn(2, 3)), first_loss_fixed(tf.randn(2, 3)), unknown_count(tf.ones(1, 1)))
epoch(tf.randn(12, 8), tf.randn(12, 1))
