"""A WaveNet-style stack built by a comprehension over dilations: each residual conv pads
on the left by its dilation to keep the length; the padding was written for dilation 1."""
import typedflux as tf
from typedflux import Chain, Conv, SkipConnection, tanh

stack = Chain(*[
    SkipConnection(Conv((1, 2), 16, 16, tanh, dilation=d, pad=(0, 0, 1, 0)), tf.add)
    for d in (1, 2, 4, 8)
])
print(stack(tf.randn(2, 16, 1, 32)).shape)  # BUG  # E: Chain layer 2 SkipConnection(Conv((1, 2), 16 => 16, tanh, pad=(0, 0, 1, 0), dilation=2), add): Cannot broadcast for "add": xs[0] has Tensor[2, 16, 1, 31], xs[1] has Tensor[2, 16, 1, 32]; need equal sizes or 1 at axis -1 (31 vs 32)  [shape]  # N: input to layer 2: Tensor[2, 16, 1, 32]
