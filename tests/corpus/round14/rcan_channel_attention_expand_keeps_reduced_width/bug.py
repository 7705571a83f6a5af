"""RCAN's channel attention: global pooling, a 1x1 conv reducing C to C/r, ReLU, a 1x1 conv
back to C and a sigmoid that rescales each channel; the second conv kept C/r channels."""
import typedflux as tf
from typedflux import Chain, Conv, relu, sigmoid

C, r = 32, 8
ca = Chain(tf.GlobalMeanPool(), Conv((1, 1), C, C // r, relu), Conv((1, 1), C // r, C // r, sigmoid))
body = Chain(Conv((3, 3), C, C, relu, pad=1), Conv((3, 3), C, C, pad=1))
x = tf.randn(2, C, 12, 12)
h = body(x)
print((x + h * ca(h)).shape)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 32, 12, 12], y has Tensor[2, 4, 1, 1]; need equal sizes or 1 at axis -3 (32 vs 4)  [shape]
