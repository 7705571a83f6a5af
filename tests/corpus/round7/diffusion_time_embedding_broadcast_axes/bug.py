"""A diffusion U-Net residual block adds its timestep embedding to the feature map; the
embedding was expanded on the wrong axes (channels last)."""
import math
from typing import Final, TypeVar

import typedflux as tf
from typedflux import Conv, Dense, GroupNorm, Tensor, swish

B = TypeVar("B", bound=int)
C: Final = 16
TDIM: Final = 32
HALF: Final = 16
conv1 = Conv((3, 3), C, C, pad=1)
conv2 = Conv((3, 3), C, C, pad=1)
norm = GroupNorm(C, 4, swish)
time_proj = Dense(TDIM, C, swish)


def timestep_embedding(t: Tensor[B]) -> Tensor[B, TDIM]:
    freqs = tf.exp(tf.arange(HALF) * (-math.log(10000.0) / HALF))
    args = t.reshape(t.shape[0], 1) * freqs.reshape(1, HALF)
    return tf.concat([tf.sin(args), tf.cos(args)], axis=-1)


def res_block(x: Tensor[B, C, 8, 8], t: Tensor[B]) -> Tensor[B, C, 8, 8]:
    h = conv1(norm(x))
    temb = time_proj(timestep_embedding(t))
    h = h + temb[:, None, None, :]  # BUG  # E: Cannot broadcast for "add": x has Tensor[B, 16, 8, 8], y has Tensor[B, 1, 1, 16]; need equal sizes or 1 at axis -1 (8 vs 16)  [shape]
    return x + conv2(norm(h))


print(res_block(tf.randn(2, C, 8, 8), tf.tensor([3.0, 500.0])).shape)
