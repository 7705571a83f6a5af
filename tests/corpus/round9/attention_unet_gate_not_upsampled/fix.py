"""Attention U-Net's gate: the coefficients are computed at the gating signal's resolution
and must be upsampled before they weight the skip features."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, Upsample, sigmoid

F_G, F_L, F_INT = 64, 32, 16
w_g = Chain(Conv((1, 1), F_G, F_INT), BatchNorm(F_INT))
w_x = Chain(Conv((1, 1), F_L, F_INT, stride=2), BatchNorm(F_INT))
psi = Chain(Conv((1, 1), F_INT, 1), BatchNorm(1), sigmoid)

g = tf.randn(2, F_G, 8, 8)
x = tf.randn(2, F_L, 16, 16)
alpha = psi(tf.relu(w_g(g) + w_x(x)))
gated = x * Upsample(2)(alpha)
print(gated.shape)
