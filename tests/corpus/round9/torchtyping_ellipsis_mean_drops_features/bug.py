"""torchtyping's `TensorType[..., "features"]`, translated: a normalisation over the last
axis returned the mean itself instead of the centred input."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
F = TypeVar("F", bound=int)


@tf.shapecheck
def centre(x: Tensor[Unpack[Bs], F]) -> Tensor[Unpack[Bs], F]:
    return x.mean(axis=-1)  # BUG  # E: Return shape Tensor[*Bs] does not match the annotation Tensor[*Bs, F]: rank is len(*Bs), expected len(*Bs) + 1  [shape]


print(centre(tf.randn(2, 3, 4)).shape)
