"""SegFormer's Mix-FFN runs a 3x3 depthwise conv on its tokens, so the (B, N, C) tokens are put
back on their H x W grid first. The grid size of the previous stage (16x16) was used for the
second stage's 8x8 tokens."""
import typedflux as tf
from typedflux import Conv, Dense, gelu

C1, C2 = 32, 64
tokens = tf.randn(2, 8 * 8, C2)
fc1 = Dense(C2, 4 * C2)
dwconv = Conv((3, 3), 4 * C2, 4 * C2, pad=1, groups=4 * C2)
fc2 = Dense(4 * C2, C2)
h, w = 16, 16
x = fc1(tokens)
x = x.swapaxes(1, 2).reshape(2, 4 * C2, h, w)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 256, 64], target is (2, 256, 16, 16); need equal element counts (32768 vs 131072)  [shape]
x = dwconv(x).reshape(2, 4 * C2, -1).swapaxes(1, 2)
print(fc2(gelu(x)).shape)
