"""tsanley-style annotated attention with a padding mask per key: the mask was built per
query."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
H = TypeVar("H", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)


@tf.shapecheck
def masked_scores(scores: Tensor[B, H, T, S], keep: Tensor[B, S]) -> Tensor[B, H, T, S]:
    return tf.where(keep[:, None, None, :], scores, -1e9)


scores = tf.randn(2, 4, 5, 7)
keep = tf.ones(2, 5) > 0
print(masked_scores(scores, keep).shape)  # BUG  # E: Dim "S" differs for "masked_scores": argument "scores" gives S = 7, argument "keep" gives S = 5; need one size for S (7 vs 5)  [shape]  # N: B=2, H=4, T=5, S=7
