"""MobileNetV2's inverted residual adds the input back only when the block keeps the size
(stride 1, same channels). This stride-2 block adds it anyway."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, relu

C_IN, C_OUT, T = 16, 16, 6
mid = C_IN * T
block = Chain(
    Conv((1, 1), C_IN, mid), BatchNorm(mid), relu,
    Conv((3, 3), mid, mid, stride=2, pad=1, groups=mid), BatchNorm(mid), relu,
    Conv((1, 1), mid, C_OUT), BatchNorm(C_OUT),
)
x = tf.randn(2, C_IN, 16, 16)
y = x + block(x)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 16, 16], y has Tensor[2, 16, 8, 8]; need equal sizes or 1 at axis -2 (16 vs 8)  [shape]
print(y.shape)
