"""SegFormer's efficient self-attention: the keys come from a strided conv over the token
map; the reduced map was normalised before being flattened back to tokens."""
import typedflux as tf
from typedflux import Conv, LayerNorm, MultiHeadAttention

C, SIDE, R = 32, 8, 4
sr = Conv((R, R), C, C, stride=R)
norm = LayerNorm(C)
attention = MultiHeadAttention(C, 2)

tokens = tf.randn(2, SIDE * SIDE, C)
grid = tf.rearrange(tokens, "b (h w) c -> b c h w", h=SIDE)
reduced = sr(grid)
kv = norm(tf.rearrange(reduced, "b c h w -> b (h w) c"))
print(attention(tokens, kv, kv).shape)
