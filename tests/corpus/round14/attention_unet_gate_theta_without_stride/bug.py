"""Attention U-Net's gate: the skip features x (twice the gating signal's resolution) go
through a strided 1x1 conv theta to meet the gating signal's size before they are added; theta
was built without the stride."""
import typedflux as tf
from typedflux import Conv, Upsample, relu, sigmoid

skip = tf.randn(2, 32, 16, 16)
gate = tf.randn(2, 64, 8, 8)
theta = Conv((1, 1), 32, 16)
phi = Conv((1, 1), 64, 16)
psi = Conv((1, 1), 16, 1, sigmoid)
a = relu(theta(skip) + phi(gate))  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 16, 16, 16], y has Tensor[2, 16, 8, 8]; need equal sizes or 1 at axis -2 (16 vs 8)  [shape]
alpha = Upsample(scale=2)(psi(a))
print((skip * alpha).shape)
