"""jaxtyping's `Float[Array, "batch channels"] -> Float[Array, "channels"]` (a per-channel mean
over the batch), translated: the mean was taken over the channels."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def channel_mean(x: Tensor[B, C]) -> Tensor[C]:
    return x.mean(axis=1)  # BUG  # E: Return shape Tensor[B] does not match the annotation Tensor[C]: axis 0 is B, expected C  [shape]


print(channel_mean(tf.randn(8, 3)).shape)
