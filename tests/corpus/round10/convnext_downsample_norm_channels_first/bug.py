"""ConvNeXt's downsampling layer: a LayerNorm over channels, then a 2x2 stride-2 conv. The
LayerNorm normalises the last axis, so a channels-first map must be permuted around it; it was
applied to (B, C, H, W) directly."""
import typedflux as tf
from typedflux import Conv, LayerNorm

C_IN, C_OUT = 48, 96
norm = LayerNorm(C_IN)
down = Conv((2, 2), C_IN, C_OUT, stride=2)
x = tf.randn(2, C_IN, 16, 16)
x = norm(x)  # BUG  # E: LayerNorm(48) expects input Tensor[..., 48], got Tensor[2, 48, 16, 16]; need size 48 at axis -1 (got 16)  [shape]
print(down(x).shape)
