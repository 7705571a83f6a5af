"""WGAN-GP's gradient penalty scores images interpolated between real and fake ones with one
random weight per sample; the weights were drawn as a vector, which does not broadcast over
(B, C, H, W)."""
import typedflux as tf
from typedflux import Chain, Conv, Dense, Flatten, leakyrelu

B = 4
critic = Chain(Conv((4, 4), 1, 8, leakyrelu, stride=2, pad=1), Flatten(), Dense(8 * 8 * 8, 1))
real = tf.randn(B, 1, 16, 16)
fake = tf.randn(B, 1, 16, 16)
alpha = tf.rand(B, 1, 1, 1)
mixed = alpha * real + (1 - alpha) * fake
grads = tf.gradient(lambda m: critic(m).sum(), mixed)[0]
penalty = ((tf.sqrt((grads * grads).reshape(B, -1).sum(axis=1)) - 1) ** 2).mean()
print(penalty.item())
