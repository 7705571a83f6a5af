"""Generic functions whose sizes agree only where a division by a constant is exact, as the
op that made them requires (chunk, reshape) or a round trip gives back (a 2x2 pool then an
upsample): pairs reshaped and merged back, halves swapped (rotate_half written with chunk), a
U-Net level concatenating an upsampled pool with its input, and interleaved rotary pairs over a
width written 2*K. Each runs for the even sizes it is called with."""
from typing import TypeVar

import typedflux as tf
from typedflux import MaxPool, Tensor, Upsample

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
N = TypeVar("N", bound=int)
K = TypeVar("K", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


def pairs_back(x: Tensor[B, N]) -> Tensor[B, N]:
    return x.reshape(x.shape[0], x.shape[1] // 2, 2).reshape(x.shape[0], -1)


def swap_halves(x: Tensor[B, N]) -> Tensor[B, N]:
    a, b = tf.chunk(x, 2)
    return tf.cat(b, a, axis=-1)


def unet_level(x: Tensor[B, 8, H, W]) -> Tensor[B, 16, H, W]:
    return tf.cat(Upsample(2)(MaxPool((2, 2))(x)), x, axis=1)


def rotate_interleaved(x: Tensor[B, T, "2*K"], cos: Tensor[T, K], sin: Tensor[T, K]) -> Tensor[B, T, "2*K"]:
    x1, x2 = x[..., 0::2], x[..., 1::2]
    out = tf.stack([x1 * cos - x2 * sin, x1 * sin + x2 * cos], axis=-1)
    return out.reshape(x.shape[0], x.shape[1], x.shape[2])


print(pairs_back(tf.randn(2, 6)).shape, swap_halves(tf.randn(2, 6)).shape,
      unet_level(tf.zeros(1, 8, 16, 16)).shape,
      rotate_interleaved(tf.randn(2, 3, 8), tf.randn(3, 4), tf.randn(3, 4)).shape)
