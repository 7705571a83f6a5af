"""Cross-attention: decoder queries attend to encoder memory of another width, unprojected."""
import typedflux as tf
from typedflux import Dense, MultiHeadAttention

attn = MultiHeadAttention(32, 4)
to_model = Dense(48, 32)
queries = tf.randn(2, 5, 32)
memory = tf.randn(2, 9, 48)
mem = memory
out = attn(queries, mem, mem)  # BUG  # E: MultiHeadAttention(32, nheads=4) expects input Tensor[B, T, 32], got Tensor[2, 9, 48]; need size 32 at axis -1 (got 48)  [shape]
print(out.shape)
