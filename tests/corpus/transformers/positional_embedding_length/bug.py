"""Learned positions are sliced to the context size instead of the sequence length."""
from typing import Final

import typedflux as tf
from typedflux import Embedding

CONTEXT: Final = 16
tok = Embedding(100, 8)
pos = Embedding(CONTEXT, 8)
ids = tf.tensor([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]])
t = ids.shape[1]
positions = tf.arange(CONTEXT)
h = tok(ids) + pos(positions)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 5, 8], y has Tensor[16, 8]; need equal sizes or 1 at axis -2 (5 vs 16)  [shape]
print(h.shape)
