"""jaxtyping's broadcastable dims (`Float[Array, "b c h w"]` times `Float[Array, "#c 1 1"]`): a
per-channel gain of shape (C,) needs two trailing unit axes to meet an NCHW map."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
H = TypeVar("H", bound=int)
W = TypeVar("W", bound=int)


@tf.shapecheck
def scale_channels(x: Tensor[B, C, H, W], gain: Tensor[C]) -> Tensor[B, C, H, W]:
    return x * gain[:, None, None]


print(scale_channels(tf.randn(2, 3, 4, 5), tf.ones(3)).shape)
