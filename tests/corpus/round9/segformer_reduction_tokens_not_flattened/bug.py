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
kv = norm(reduced)  # BUG  # E: LayerNorm(32) expects input Tensor[..., 32], got Tensor[2, 32, 2, 2]; need size 32 at axis -1 (got 2)  [shape]
print(attention(tokens, kv, kv).shape)
