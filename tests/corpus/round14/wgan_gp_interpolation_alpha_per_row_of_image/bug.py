"""WGAN-GP interpolates real and fake images with one alpha per sample, shaped (B, 1, 1, 1) to
broadcast over C, H, W; alpha was drawn (B, 1), which lines up with H and W instead."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, leakyrelu

B = 4
critic = Chain(Conv((4, 4), 3, 16, leakyrelu, stride=2, pad=1), tf.Flatten(), Dense(16 * 8 * 8, 1))
real = tf.randn(B, 3, 16, 16)
fake = tf.randn(B, 3, 16, 16)
alpha = tf.rand(B, 1)
mixed = alpha * real + (1 - alpha) * fake  # BUG  # E: Cannot broadcast for "mul": x has Tensor[4, 1], y has Tensor[4, 3, 16, 16]; need equal sizes or 1 at axis -2 (4 vs 16)  [shape]
print(critic(mixed).shape)
