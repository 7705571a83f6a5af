"""PEP 646's Array[Batch, *Shape, Channels] (a run between two named axes): a channels-last
per-channel scale over any number of spatial axes, called on a 2-D image and a video clip; the
scale is a Tensor[C] sized by the last axis."""
from __future__ import annotations

from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
Ss = TypeVarTuple("Ss")


@tf.shapecheck
def scale_channels(x: Tensor[B, Unpack[Ss], C], scale: Tensor[C]) -> Tensor[B, Unpack[Ss], C]:
    return x * scale


image = tf.randn(2, 6, 5, 3)
video = tf.randn(2, 4, 6, 5, 3)
a = scale_channels(image, tf.ones(image.shape[-2]))  # BUG  # E: Dim "C" differs for "scale_channels": argument "x" gives C = 3, argument "scale" gives C = 5; need one size for C (3 vs 5)  [shape]  # N: B=2, C=3, *Ss=(6, 5)
v = scale_channels(video, tf.ones(video.shape[-1]))
print(a.shape, v.shape)
