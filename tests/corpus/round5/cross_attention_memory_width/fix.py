"""Cross-attention: decoder queries attend to encoder memory of another width, unprojected."""
import typedflux as tf
from typedflux import Dense, MultiHeadAttention

attn = MultiHeadAttention(32, 4)
to_model = Dense(48, 32)
queries = tf.randn(2, 5, 32)
memory = tf.randn(2, 9, 48)
mem = to_model(memory)
out = attn(queries, mem, mem)
print(out.shape)
