"""Classifier-free guidance: the unconditional and conditional inputs are run as one batch of
2B, and the noise prediction is split back into its two halves along the batch axis."""
import typedflux as tf
from typedflux import Conv

B, C, H, W = 2, 4, 8, 8
scale = 7.5
eps_model = Conv((3, 3), C, C, pad=1)
x = tf.randn(B, C, H, W)
eps = eps_model(tf.cat(x, x, axis=0))
eps_uncond, eps_cond = tf.chunk(eps, 2, axis=1)
guided = eps_uncond + scale * (eps_cond - eps_uncond)
x_next = x - 0.1 * guided  # BUG  # E: Cannot broadcast for "sub": x has Tensor[2, 4, 8, 8], y has Tensor[4, 2, 8, 8]; need equal sizes or 1 at axis -4 (2 vs 4)  [shape]
print(x_next.shape)
