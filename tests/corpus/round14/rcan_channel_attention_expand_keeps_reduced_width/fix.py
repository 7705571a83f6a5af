"""RCAN's channel attention: global pooling, a 1x1 conv reducing C to C/r, ReLU, a 1x1 conv
back to C and a sigmoid that rescales each channel; the second conv kept C/r channels."""
import typedflux as tf
from typedflux import Chain, Conv, relu, sigmoid

C, r = 32, 8
ca = Chain(tf.GlobalMeanPool(), Conv((1, 1), C, C // r, relu), Conv((1, 1), C // r, C, sigmoid))
body = Chain(Conv((3, 3), C, C, relu, pad=1), Conv((3, 3), C, C, pad=1))
x = tf.randn(2, C, 12, 12)
h = body(x)
print((x + h * ca(h)).shape)
