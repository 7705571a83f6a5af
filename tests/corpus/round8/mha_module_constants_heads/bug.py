"""Attention sized by plain module constants (bound once): 100 is not divisible by 8."""
import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention

D_MODEL = 100
N_HEADS = 8
norm = LayerNorm(D_MODEL)
attn = MultiHeadAttention(D_MODEL, N_HEADS)  # BUG  # E: Invalid arguments for "MultiHeadAttention": d = 100, nheads = 8; need d divisible by nheads (100 % 8 = 4)  [shape]
ff = Dense(D_MODEL, D_MODEL)
x = tf.randn(2, 7, D_MODEL)
print(ff(attn(norm(x))).shape)
