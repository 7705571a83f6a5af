"""A bilinear scorer class with a typed `__call__(q, k)`; the keys come from a projection to
another width."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


class DotScorer:
    @tf.shapecheck
    def __call__(self, q: Tensor[B, D], k: Tensor[B, D]) -> Tensor[B]:
        return (q * k).sum(axis=-1)


score = DotScorer()
to_q, to_k = Dense(16, 32), Dense(16, 24)
x = tf.randn(4, 16)
print(score(to_q(x), to_k(x)).shape)  # BUG  # E: Dim "D" differs for "DotScorer.__call__": argument "q" gives D = 32, argument "k" gives D = 24; need one size for D (32 vs 24)  [shape]  # N: B=4, D=32
