"""Squeeze-and-excitation: the channel gate is reshaped channels-last before scaling the
feature map."""
import typedflux as tf
from typedflux import Chain, Dense, Flatten, GlobalMeanPool, relu, sigmoid

C, R = 64, 4
squeeze = Chain(GlobalMeanPool(), Flatten(), Dense(C, C // R, relu), Dense(C // R, C, sigmoid))
x = tf.randn(8, C, 14, 14)
gate = squeeze(x)
y = x * gate.reshape(8, 1, 1, C)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[8, 64, 14, 14], y has Tensor[8, 1, 1, 64]; need equal sizes or 1 at axis -1 (14 vs 64)  [shape]
print(y.shape)
