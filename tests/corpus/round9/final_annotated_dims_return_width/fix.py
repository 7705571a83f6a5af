"""`Final[int]` constants as dims in a function's annotations: the projection after the
attention was built to the feed-forward width."""
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Dense, MultiHeadAttention, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
EMBED: Final[int] = 64
FF: Final[int] = 256
attention = MultiHeadAttention(EMBED, 8)
after = Dense(EMBED, EMBED)


@tf.shapecheck
def attend(x: Tensor[B, T, EMBED]) -> Tensor[B, T, EMBED]:
    return after(attention(x))


print(attend(tf.randn(2, 5, EMBED)).shape)
