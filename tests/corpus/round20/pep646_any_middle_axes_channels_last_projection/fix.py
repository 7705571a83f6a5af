"""PEP 646's Array[Batch, *tuple[Any, ...], Channels] idiom (any number of middle axes, channels
last): a per-channel projection works on images (B, H, W, C) and on sequences (B, T, C) alike;
a channels-first feature map handed to it projects the wrong axis."""
from __future__ import annotations

from typing import TypeVar, TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Conv, Dense, Tensor

Batch = TypeVar("Batch", bound=int)
Mid = TypeVarTuple("Mid")

proj = Dense(8, 4)


@tf.shapecheck
def project_channels(x: Tensor[Batch, Unpack[Mid], 8]) -> Tensor[Batch, Unpack[Mid], 4]:
    return proj(x)


seq = project_channels(tf.randn(2, 10, 8))
stem = Conv((3, 3), 3, 8, pad=1)
fmap = stem(tf.randn(2, 3, 6, 6))
pix = project_channels(fmap.transpose(0, 2, 3, 1))
print(seq.shape, pix.shape)
