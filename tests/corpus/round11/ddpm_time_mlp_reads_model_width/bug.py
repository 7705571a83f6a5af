"""The time MLP of a diffusion U-Net takes the sinusoidal embedding (dim = base channels = 32)
and widens it to 4x. Its first layer was sized for the widened width."""
import math

import typedflux as tf
from typedflux import Chain, Dense, swish

CH = 32
TDIM = 4 * CH


def sinusoidal(t: tf.Tensor, dim: int) -> tf.Tensor:
    half = dim // 2
    freqs = tf.exp(tf.arange(half) * (-math.log(10000.0) / half))
    args = t.reshape(-1, 1) * freqs.reshape(1, half)
    return tf.concat([tf.sin(args), tf.cos(args)], axis=-1)


time_mlp = Chain(Dense(TDIM, TDIM, swish), Dense(TDIM, TDIM))
t = tf.tensor([1.0, 500.0, 999.0])
temb = time_mlp(sinusoidal(t, CH))  # BUG  # E: Chain layer 1 Dense(128 => 128, swish) expects input Tensor[..., 128], got Tensor[3, 32]; need size 128 at axis -1 (got 32)  [shape]
print(temb.shape)
