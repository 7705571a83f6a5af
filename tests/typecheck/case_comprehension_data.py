"""Data written as a comprehension over ``range`` has the literal's shape.

``[f(i) for i in range(n)]`` with a known ``n`` and no condition has ``n`` items, each a
number (by its type) or a literal; ``list(range(a, b))`` has ``b - a``. So targets and token
batches built inline are checked where they meet, and the same lines fail at run time with
the same words. A filtered comprehension or an unknown length stays unknown.
"""

from typing import TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Dense, Embedding, Tensor

B = TypeVar("B", bound=int)
V, T = 40, 8

logits = tf.randn(32, 40)
loss = tf.losses.logitcrossentropy(logits, tf.onehot([i % T for i in range(32)], T))  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[32, 40], target has Tensor[32, 8]; need identical shapes (no broadcasting in losses) (40 vs 8 at axis -1)  [shape]
loss_fixed = tf.losses.logitcrossentropy(logits, tf.onehot([i % T for i in range(32)], V))
pairs = tf.randn(16, 16) @ tf.onehot(list(range(2, 18)), 18).T  # E: Inner dimensions differ for "matmul": x has Tensor[16, 16], w has Tensor[18, 16]; need x.shape[-1] == w.shape[-2] (16 vs 18); did you mean to transpose w (w.T)?  [shape]
pairs_fixed = tf.randn(16, 16) @ tf.onehot(list(range(2, 18)), 18)
idx = tf.tensor([[(t * 7 + b) % V for t in range(T)] for b in range(4)])
h = Dense(16, V)(Embedding(V, 16)(idx)) + tf.randn(4, T - 1, V)  # E: Cannot broadcast for "add": x has Tensor[4, 8, 40], y has Tensor[4, 7, 40]; need equal sizes or 1 at axis -2 (8 vs 7)  [shape]
h_fixed = Dense(16, V)(Embedding(V, 16)(idx)) + tf.randn(4, T, V)
xy = tf.tensor([[i, 2 * i] for i in range(5)])
dist = tf.losses.mse(xy, tf.zeros(2, 5))  # E: Shapes differ for "mse": prediction has Tensor[5, 2], target has Tensor[2, 5]; need identical shapes (no broadcasting in losses) (2 vs 5 at axis -1)  [shape]
dist_fixed = tf.losses.mse(xy * 1.0, tf.zeros(5, 2))
evens = tf.tensor([i for i in range(10) if i % 2 == 0]) + tf.zeros(5)


@tf.shapecheck
def weighted(scores: Tensor[B, 10]) -> Tensor[B, 10]:
    return scores * tf.onehot([i % 9 for i in range(5)], 9).mean(axis=0)  # E: Cannot broadcast for "mul": x has Tensor[B, 10], y has Tensor[9]; need equal sizes or 1 at axis -1 (10 vs 9)  [shape]


@tf.shapecheck
def weighted_fixed(scores: Tensor[B, 10]) -> Tensor[B, 10]:
    return scores * tf.onehot([i % 10 for i in range(5)], 10).mean(axis=0)


weighted(tf.randn(3, 10))
weighted_fixed(tf.randn(3, 10))

# Lists nested around numbers, of unknown lengths (padded token ids, rows read in a loop),
# give the rank: their sizes are unknown, so only a fixed size can disagree.
sentences = [[1, 2, 3], [4, 5], [6]]
longest = max(len(s) for s in sentences)
rows = [s + [0] * (longest - len(s)) for s in sentences]
reveal_type(tf.tensor(rows))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Any]"
padded = tf.tensor([s + [0] * (longest - len(s)) for s in sentences])
mask = padded > 0
emb = tf.randn(len(sentences), longest, 8)
pooled = (emb * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
scores = pooled @ tf.randn(6, 4)  # E: Inner dimensions differ for "matmul": x has Tensor[3, 8], w has Tensor[6, 4]; need x.shape[-1] == w.shape[-2] (8 vs 6)  [shape]
scores_fixed = pooled @ tf.randn(8, 4)


def from_values(values: list[float]) -> None:
    reveal_type(tf.tensor(values))  # N: Revealed type is "typedflux.tensor.Tensor[Any]"

# A module-level list bound once and read only by typedflux's functions (or len) keeps its
# length: nothing can append to it. One appended to, or read any other way, is unknown.
labels = [i % 3 for i in range(9)]
scores9 = tf.randn(9, 4)
tf.losses.logitcrossentropy(scores9, tf.onehot(labels, 3))  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[9, 4], target has Tensor[9, 3]; need identical shapes (no broadcasting in losses) (4 vs 3 at axis -1)  [shape]
tf.losses.logitcrossentropy(scores9[:, :3], tf.onehot(labels, 3))
grown = [0, 1, 2]
grown.append(1)
reveal_type(tf.onehot(grown, 3))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[3]]"
