"""A Transformer sized by module-level `Final` constants; 8 heads do not divide a model width
of 100."""
from typing import Final

import typedflux as tf
from typedflux import MultiHeadAttention

D_MODEL: Final = 100
N_HEADS: Final = 8
attention = MultiHeadAttention(D_MODEL, N_HEADS)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 100, nheads = 8; need d divisible by nheads (100 % 8 = 4)  [shape]
print(attention(tf.randn(2, 5, D_MODEL)).shape)
