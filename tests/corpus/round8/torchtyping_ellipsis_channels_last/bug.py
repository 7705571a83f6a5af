"""torchtyping's TensorType[..., "channels"]: a function over any leading dims returns a
channels-last tensor; a channels-first input slips a channel count into the last axis."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

Bs = TypeVarTuple("Bs")
to_rgb = Dense(8, 3)


@tf.shapecheck
def colourise(x: Tensor[Unpack[Bs], 8]) -> Tensor[Unpack[Bs], 3]:
    return to_rgb(x)


feat = tf.randn(2, 8, 4, 4)
print(colourise(feat).shape)  # BUG  # E: Argument "x" of "colourise" has shape Tensor[2, 8, 4, 4], which does not match the annotation Tensor[*Bs, 8]: axis -1 is 4, expected 8  [shape]  # N: *Bs=(2, 8, 4)
