"""Positions for a prompt of len(tokens) sliced from a table; the token embedding has another
width than the table."""
import typedflux as tf
from typedflux import Embedding

tokens = [3, 1, 4, 1, 5]
table = tf.randn(32, 16)
tok = Embedding(10, 16)
ids = tf.tensor([tokens])
h = tok(ids) + table[: len(tokens)]
print(h.shape)
