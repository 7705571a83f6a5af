"""Aliases, star imports, module aliases, PEP 604 unions, TypeAlias over shaped tensors."""
from __future__ import annotations

from typing import Final, Optional, TypeVar, Union

from typing_extensions import TypeAlias

import typedflux
import typedflux as tf
from typedflux import *  # noqa: F403
from typedflux import Tensor as T
from typedflux.tensor import Tensor as RawTensor

B = TypeVar("B", bound=int)
W: Final = 16
Batch: TypeAlias = "T[B, 16]"
Img = T[B, 3, 32, 32]
MaybeT = Optional[T[B, 16]]


def f(x: Batch[B]) -> T[B, W]:
    return typedflux.Dense(16, 16)(x)


def g(x: Img[B]) -> RawTensor[B, 8, 32, 32]:
    return tf.Conv((3, 3), 3, 8, pad=1)(x)


def h(x: T[B, 16] | None) -> T[B, 16] | None:
    return None if x is None else x * 2


def k(x: MaybeT[B] = None) -> Union[T[B, 16], int]:
    return 0 if x is None else x


print(f(tf.ones(2, 16)).shape, g(tf.ones(1, 3, 32, 32)).shape, h(tf.ones(3, 16)) is not None, k(), k(tf.ones(2, 16)) is not None)
print(Dense(4, 2)(tf.ones(1, 4)).shape, relu(tf.ones(2)).shape)  # noqa: F405
