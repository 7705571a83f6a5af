"""Attention sized by plain module constants (bound once): 100 is not divisible by 8."""
import typedflux as tf
from typedflux import Dense, LayerNorm, MultiHeadAttention

D_MODEL = 96
N_HEADS = 8
norm = LayerNorm(D_MODEL)
attn = MultiHeadAttention(D_MODEL, N_HEADS)
ff = Dense(D_MODEL, D_MODEL)
x = tf.randn(2, 7, D_MODEL)
print(ff(attn(norm(x))).shape)
