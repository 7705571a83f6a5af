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
temb = time_mlp(sinusoidal(t, CH))  # BUG[gap flow: sinusoidal(t, CH) is a bare-Tensor def called with a known int (CH = 32) that sizes tf.arange(dim // 2) in its body; the body is not run with the call's ints (flow_builders does that only for defs that build layers), so the embedding's width (32) is unknown and the Chain's Dense(128 => 128) is not compared with it]
print(temb.shape)
