"""torchtyping's `TensorType["batch", "feature"]` on two arguments: both must share the batch
size; translated with TypeVars, a contrastive score was called with a queue of negatives
where the positives should be."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def positive_scores(q: Tensor[B, D], k: Tensor[B, D]) -> Tensor[B]:
    return (q * k).sum(axis=1)


q, k = tf.randn(4, 16), tf.randn(4, 16)
queue = tf.randn(32, 16)
print(positive_scores(q, queue).shape)  # BUG  # E: Dim "B" differs for "positive_scores": argument "q" gives B = 4, argument "k" gives B = 32; need one size for B (4 vs 32)  [shape]  # N: B=4, D=16
