"""ConvNeXt's downsampling layer: a LayerNorm over channels, then a 2x2 stride-2 conv. The
LayerNorm normalises the last axis, so a channels-first map must be permuted around it; it was
applied to (B, C, H, W) directly."""
import typedflux as tf
from typedflux import Conv, LayerNorm

C_IN, C_OUT = 48, 96
norm = LayerNorm(C_IN)
down = Conv((2, 2), C_IN, C_OUT, stride=2)
x = tf.randn(2, C_IN, 16, 16)
x = norm(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)
print(down(x).shape)
