"""Layers made with a `functools.partial` factory for 3x3 "same" convs: the second conv's
input channels do not follow the first's output."""
from functools import partial

import typedflux as tf
from typedflux import Chain, Conv, relu

conv3 = partial(Conv, (3, 3), pad=1)
model = Chain(
    conv3(3, 16, relu),
    conv3(32, 32, relu),  # BUG  # E: Chain layer 2 Conv((3, 3), 32 => 32, relu, pad=1) expects input Tensor[B, 32, H, W], but layer 1 Conv((3, 3), 3 => 16, relu, pad=1) produces Tensor[B, 16, H', W']; change Conv((3, 3), 32 => 32, relu, pad=1) to Conv((3, 3), 16 => 32, relu, pad=1)  [shape]
)
print(model(tf.randn(2, 3, 8, 8)).shape)
