"""Cross-attention takes keys and values from an encoder of another width."""
import typedflux as tf
from typedflux import Dense, MultiHeadAttention

cross = MultiHeadAttention(16, 2)
memory_proj = Dense(24, 16)
queries = tf.randn(2, 4, 16)
memory = tf.randn(2, 7, 24)
keys = memory_proj(memory)
print(cross(queries, keys, keys).shape)
