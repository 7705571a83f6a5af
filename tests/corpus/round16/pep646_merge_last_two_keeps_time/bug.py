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
    return x.reshape(*x.shape[:-1], -1)  # BUG[gap checker: x.reshape(*x.shape[:-1], -1) of a Tensor[*Batch, T, D] is unknown (a starred slice of a variadic shape: x.shape[:-1] is tuple[*tuple[int, ...], T]), so the result's rank len(*Batch) + 2 never meets the annotation's len(*Batch) + 1]


print(merge_last_two(tf.randn(2, 3, 4, 5)).shape)
