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


# The losses of issue 14: the same rule, the same words.
scores = tf.zeros(16, 1)
signs = tf.zeros(16)
bad_hinge = losses.hinge_loss(scores, signs)  # E: Shapes differ for "hinge_loss": prediction has Tensor[16, 1], target has Tensor[16]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[16, 1] or squeeze the prediction  [shape]
ok_hinge = losses.squared_hinge_loss(scores, signs.reshape(16, 1))
reveal_type(ok_hinge)  # N: Revealed type is "typedflux.tensor.Tensor[()]"
probs = tf.zeros(8, 5)
bad_focal = losses.focal_loss(probs, tf.zeros(8, 4), gamma=2.0)  # E: Shapes differ for "focal_loss": prediction has Tensor[8, 5], target has Tensor[8, 4]; need identical shapes (no broadcasting in losses) (5 vs 4 at axis -1)  [shape]
bad_dice = losses.dice_coeff_loss(tf.zeros(2, 8, 8), tf.zeros(2, 8, 7))  # E: Shapes differ for "dice_coeff_loss": prediction has Tensor[2, 8, 8], target has Tensor[2, 8, 7]; need identical shapes (no broadcasting in losses) (8 vs 7 at axis -1)  [shape]
reveal_type(losses.tversky_loss(probs, probs, beta=0.3))  # N: Revealed type is "typedflux.tensor.Tensor[()]"
reveal_type(losses.poisson_loss(probs, probs))  # N: Revealed type is "typedflux.tensor.Tensor[()]"
bad_binary_focal = losses.binary_focal_loss(tf.zeros(8, 1), tf.zeros(8))  # E: Shapes differ for "binary_focal_loss": prediction has Tensor[8, 1], target has Tensor[8]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[8, 1] or squeeze the prediction  [shape]
bad_pairs = losses.siamese_contrastive_loss(tf.zeros(32), tf.zeros(31))  # E: Shapes differ for "siamese_contrastive_loss": prediction has Tensor[32], target has Tensor[31]; need identical shapes (no broadcasting in losses) (32 vs 31 at axis -1)  [shape]
reveal_type(losses.label_smoothing(probs, 0.1))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[8], Literal[5]]"
scalar = losses.mse(signs, signs)
no_classes = losses.label_smoothing(scalar, 0.1)  # E: Too few dimensions for "label_smoothing": target has Tensor[()]; need at least 1 dimension (0 given)  [shape]
reveal_type(losses.label_smoothing(scalar, 0.1, binary=True))  # N: Revealed type is "typedflux.tensor.Tensor[()]"


def smoothed(y: Tensor[B, 7], logits: Tensor[B, 7]) -> Tensor[()]:
    return losses.logitcrossentropy(logits, losses.label_smoothing(y, 0.1))
