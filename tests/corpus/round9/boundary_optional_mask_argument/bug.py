"""An attention helper takes an optional padding mask per key; the mask was built for the
queries' length in a cross-attention call."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
S = TypeVar("S", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def attend(q: Tensor[B, T, D], k: Tensor[B, S, D], mask: Optional[Tensor[B, S]] = None) -> Tensor[B, T, S]:
    scores = q @ k.swapaxes(1, 2)
    if mask is not None:
        scores = tf.where(mask[:, None, :] > 0, scores, -1e9)
    return tf.softmax(scores, axis=-1)


q, k = tf.randn(2, 4, 8), tf.randn(2, 6, 8)
print(attend(q, k, mask=tf.ones(2, 4)).shape)  # BUG  # E: Dim "S" differs for "attend": argument "k" gives S = 6, argument "mask" gives S = 4; need one size for S (6 vs 4)  [shape]  # N: B=2, T=4, D=8, S=6
