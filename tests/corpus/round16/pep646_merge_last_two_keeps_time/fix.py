"""PEP 646 / mypy's TypeVarTuple tests: `Tensor[*Batch, T, D]` to `Tensor[*Batch, T*D]` keeps
every leading axis; the reshape kept one axis too many, so nothing was merged."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Batch = TypeVarTuple("Batch")
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def merge_last_two(x: Tensor[Unpack[Batch], T, D]) -> Tensor[Unpack[Batch], "T*D"]:
    return x.reshape(*x.shape[:-2], -1)


print(merge_last_two(tf.randn(2, 3, 4, 5)).shape)
