"""Losses: prediction and target must have identical shapes (no broadcasting), scalar out."""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor, losses

B = TypeVar("B", bound=int)

pred = tf.zeros(32, 1)
target = tf.zeros(32)
bad = losses.mse(pred, target)  # E: Shapes differ for "mse": prediction has Tensor[32, 1], target has Tensor[32]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[32, 1] or squeeze the prediction  [shape]
fixed = losses.mse(pred, target.reshape(32, 1))
reveal_type(fixed)  # N: Revealed type is "typedflux.tensor.Tensor[()]"
reveal_type(tf.losses.huber_loss(pred, pred, delta=2.0))  # N: Revealed type is "typedflux.tensor.Tensor[()]"

logits = tf.zeros(32, 10)
labels = tf.zeros(32, 9)
bad_ce = losses.logitcrossentropy(logits, labels)  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[32, 10], target has Tensor[32, 9]; need identical shapes (no broadcasting in losses) (10 vs 9 at axis -1)  [shape]
fixed_ce = losses.logitcrossentropy(logits, tf.zeros(32, 10))


def loss_symbolic(yhat: Tensor[B, 1], y: Tensor[B]) -> Tensor[()]:
    return losses.mae(yhat, y)  # E: Shapes differ for "mae": prediction has Tensor[B, 1], target has Tensor[B]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[B, 1] or squeeze the prediction  [shape]


def loss_symbolic_fixed(yhat: Tensor[B, 1], y: Tensor[B, 1]) -> Tensor[()]:
    return losses.mae(yhat, y)


def loss_gradual(yhat: Tensor[int, 1], y: Tensor[B, 1]) -> Tensor[()]:
    return losses.binarycrossentropy(yhat, y)  # an unknown dim: silent, checked at run time


loss_symbolic(tf.zeros(4, 1), tf.zeros(4))
loss_symbolic_fixed(tf.zeros(4, 1), tf.zeros(4, 1))
loss_gradual(tf.zeros(4, 1), tf.zeros(4, 1))


def onehot_targets(y: Tensor[B, 7], logits: Tensor[B, 7, 96]) -> None:
    reveal_type(tf.onehot(y, 96))  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[7], Literal[96]]"
    tf.losses.logitcrossentropy(logits, tf.onehot(y, 96))
