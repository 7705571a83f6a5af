"""Layers made with a `functools.partial` factory for 3x3 "same" convs: the second conv's
input channels do not follow the first's output."""
from functools import partial

import typedflux as tf
from typedflux import Chain, Conv, relu

conv3 = partial(Conv, (3, 3), pad=1)
model = Chain(
    conv3(3, 16, relu),
    conv3(16, 32, relu),
)
print(model(tf.randn(2, 3, 8, 8)).shape)
