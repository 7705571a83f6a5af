"""RepVGG's training-time block: a 3x3 conv (pad 1), a 1x1 conv (no padding) and the identity,
summed; every branch keeps the spatial size so the three can be added."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv

C = 16
dense = Chain(Conv((3, 3), C, C, pad=1), BatchNorm(C))
point = Chain(Conv((1, 1), C, C, pad=1), BatchNorm(C))
x = tf.randn(2, C, 14, 14)
y = tf.relu(dense(x) + point(x) + x)  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 14, 14], y has Tensor[2, 16, 16, 16]; need equal sizes or 1 at axis -2 (14 vs 16)  [shape]
print(y.shape)
