"""BERT embeddings: token + segment + position; the segment ids were made one per sequence."""
import typedflux as tf
from typedflux import Embedding, LayerNorm

tok = Embedding(100, 16)
seg = Embedding(2, 16)
pos = Embedding(32, 16)
norm = LayerNorm(16)
ids = tf.zeros(2, 6, dtype=tf.int64)
segments = tf.zeros(2, 6, dtype=tf.int64)
h = norm(tok(ids) + seg(segments) + pos(tf.arange(6)))
print(h.shape)
