"""Cross-attention takes keys and values from an encoder of another width."""
import typedflux as tf
from typedflux import Dense, MultiHeadAttention

cross = MultiHeadAttention(16, 2)
memory_proj = Dense(24, 16)
queries = tf.randn(2, 4, 16)
memory = tf.randn(2, 7, 24)
keys = memory
print(cross(queries, keys, keys).shape)  # BUG  # E: MultiHeadAttention(16, nheads=2) expects input Tensor[B, T, 16], got Tensor[2, 7, 24]; need size 16 at axis -1 (got 24)  [shape]
