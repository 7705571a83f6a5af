"""A causal mask built from `Final` sizes: the second size given to `ones` was the head
count, not the block size."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
BLOCK: Final = 16
NH: Final = 4
HD: Final = 8
causal = tf.tril(tf.ones(BLOCK, BLOCK)) > 0


def attention(q: Tensor[B, NH, BLOCK, HD], k: Tensor[B, NH, BLOCK, HD],
              v: Tensor[B, NH, BLOCK, HD]) -> Tensor[B, NH, BLOCK, HD]:
    scores = q @ k.swapaxes(-1, -2) * HD**-0.5
    weights = tf.softmax(tf.where(causal, scores, -1e9), axis=-1)
    return weights @ v


x = tf.randn(2, NH, BLOCK, HD)
print(attention(x, x, x).shape)
