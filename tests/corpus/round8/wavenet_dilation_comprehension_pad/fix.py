"""A WaveNet-style stack built by a comprehension over dilations: each residual conv pads
on the left by its dilation to keep the length; the padding was written for dilation 1."""
import typedflux as tf
from typedflux import Chain, Conv, SkipConnection, tanh

stack = Chain(*[
    SkipConnection(Conv((1, 2), 16, 16, tanh, dilation=d, pad=(0, 0, d, 0)), tf.add)
    for d in (1, 2, 4, 8)
])
print(stack(tf.randn(2, 16, 1, 32)).shape)
