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
after = Dense(EMBED, FF)


@tf.shapecheck
def attend(x: Tensor[B, T, EMBED]) -> Tensor[B, T, EMBED]:
    return after(attention(x))  # BUG  # E: Return shape Tensor[B, T, 256] does not match the annotation Tensor[B, T, 64]: axis 2 is 256, expected 64  [shape]


print(attend(tf.randn(2, 5, EMBED)).shape)
