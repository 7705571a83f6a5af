"""An attention wrapper with an optional mask argument; the caller builds the mask for a
longer sequence."""
from typing import Optional, TypeVar

import typedflux as tf
from typedflux import MultiHeadAttention, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)


class Attention:
    def __init__(self) -> None:
        self.mha = MultiHeadAttention(32, 4)

    @tf.shapecheck
    def __call__(self, x: Tensor[B, T, 32], mask: Optional[Tensor[T, T]] = None) -> Tensor[B, T, 32]:
        if mask is None:
            return self.mha(x)
        return self.mha(x, mask=mask)


att = Attention()
x = tf.randn(2, 6, 32)
causal = tf.tril(tf.ones(6, 6)) > 0
print(att(x).shape, att(x, causal).shape)
