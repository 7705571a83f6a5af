"""Improved DDPM predicts the noise and the variance together (2 x channels); a sampling step
used the whole output as the noise."""
import math

import typedflux as tf
from typedflux import Conv

C = 3
model_out = Conv((3, 3), C, 2 * C, pad=1)
beta, alpha_bar = 0.02, 0.5
x = tf.randn(2, C, 8, 8)
eps = model_out(x)
x_prev = (x - beta / math.sqrt(1 - alpha_bar) * eps) / math.sqrt(1 - beta)  # BUG  # E: Cannot broadcast for "sub": x has Tensor[2, 3, 8, 8], y has Tensor[2, 6, 8, 8]; need equal sizes or 1 at axis -3 (3 vs 6)  [shape]
print(x_prev.shape)
