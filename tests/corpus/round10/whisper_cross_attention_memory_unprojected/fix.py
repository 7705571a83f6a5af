"""A decoder's cross-attention with MultiHeadAttention(d, heads): keys and values come from the
encoder's output, which must first be projected to the decoder's width. It was passed raw."""
import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention

D_DEC, D_ENC = 32, 48
cross = MultiHeadAttention(D_DEC, 4)
mem_proj = Dense(D_ENC, D_DEC)
norm = LayerNorm(D_DEC)
tokens = tf.randn(2, 7, D_DEC)
memory = tf.randn(2, 20, D_ENC)
q = norm(tokens)
y = tokens + cross(q, mem_proj(memory), mem_proj(memory))
print(y.shape, mem_proj)
