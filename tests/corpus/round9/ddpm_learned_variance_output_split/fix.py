"""Improved DDPM predicts the noise and the variance together (2 x channels); a sampling step
used the whole output as the noise."""
import math

import typedflux as tf
from typedflux import Conv

C = 3
model_out = Conv((3, 3), C, 2 * C, pad=1)
beta, alpha_bar = 0.02, 0.5
x = tf.randn(2, C, 8, 8)
eps, _ = tf.chunk(model_out(x), 2, axis=1)
x_prev = (x - beta / math.sqrt(1 - alpha_bar) * eps) / math.sqrt(1 - beta)
print(x_prev.shape)
