"""Learned positions are sliced to the context size instead of the sequence length."""
from typing import Final

import typedflux as tf
from typedflux import Embedding

CONTEXT: Final = 16
tok = Embedding(100, 8)
pos = Embedding(CONTEXT, 8)
ids = tf.tensor([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]])
t = ids.shape[1]
positions = tf.arange(t)
h = tok(ids) + pos(positions)
print(h.shape)
