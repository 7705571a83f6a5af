"""`onehot` and `onecold` have static shapes, so labels and scores are checked where they meet.

A list of labels of unknown length still fixes the class count (`Tensor[Any, 9]`); a literal
list fixes both sizes; `onecold` drops the class axis. Each bug with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

from typing import List, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)

labels: List[int] = [int(c) for c in "3141"]  # a length the checker does not count
scores = tf.randn(4, 10)
loss = tf.losses.logitcrossentropy(scores, tf.onehot(labels, 9))  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 10], target has Tensor[?, 9]; need identical shapes (no broadcasting in losses) (10 vs 9 at axis -1)  [shape]
loss_fixed = tf.losses.logitcrossentropy(scores, tf.onehot(labels, 10))
targets = tf.onehot([3, 1, 4], 10)
mse = tf.losses.mse(scores, targets)  # E: Shapes differ for "mse": prediction has Tensor[4, 10], target has Tensor[3, 10]; need identical shapes (no broadcasting in losses) (4 vs 3 at axis -2)  [shape]
mse_fixed = tf.losses.mse(scores, tf.onehot([3, 1, 4, 1], 10))
hits = tf.onecold(scores) == tf.onecold(targets)  # E: Cannot broadcast for "eq": x has Tensor[4], y has Tensor[3]; need equal sizes or 1 at axis -1 (4 vs 3)  [shape]
hits_fixed = tf.onecold(scores) == tf.onecold(tf.onehot(labels, 10))


@tf.shapecheck
def predicted(scores: Tensor[B, 10]) -> Tensor[B, 1]:
    return tf.onecold(scores)  # E: Return shape Tensor[B] does not match the annotation Tensor[B, 1]: rank is 1, expected 2  [shape]


@tf.shapecheck
def predicted_fixed(scores: Tensor[B, 10]) -> Tensor[B]:
    return tf.onecold(scores)


@tf.shapecheck
def accuracy(scores: Tensor[B, 10], truth: Tensor[B]) -> Tensor[()]:
    return (tf.onecold(scores.T) == truth).mean()  # E: Cannot broadcast for "eq": x has Tensor[10], y has Tensor[B]; need equal sizes or 1 at axis -1 (10 vs B)  [shape]


@tf.shapecheck
def accuracy_fixed(scores: Tensor[B, 10], truth: Tensor[B]) -> Tensor[()]:
    return (tf.onecold(scores) == truth).mean()


predicted(tf.randn(5, 10))
predicted_fixed(tf.randn(5, 10))
accuracy(tf.randn(5, 10), tf.zeros(5))
accuracy_fixed(tf.randn(5, 10), tf.zeros(5))

# A list repeated a known number of times has that many items.
per_token = tf.onehot([[1] * 5, [2] * 5], 7)
reveal_type(per_token)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5], Literal[7]]"
token_loss = tf.losses.mse(tf.zeros(2, 5, 8), per_token)  # E: Shapes differ for "mse": prediction has Tensor[2, 5, 8], target has Tensor[2, 5, 7]; need identical shapes (no broadcasting in losses) (8 vs 7 at axis -1)  [shape]

