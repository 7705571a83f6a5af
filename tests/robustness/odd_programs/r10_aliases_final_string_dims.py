"""Aliases and Final constants in string dims, as jaxtyping users name shapes."""
from typing import Final, TypeVar

from typing_extensions import TypeAlias, TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
Bs = TypeVarTuple("Bs")
D_MODEL: Final = 32
HEADS: Final = 4
HEAD_DIM: Final = D_MODEL // HEADS


class Cfg:
    VOCAB: Final[int] = 20
    CTX: Final = 8


Hidden = Tensor[B, T, D_MODEL]
Heads: TypeAlias = Tensor[B, HEADS, T, HEAD_DIM]
Logits = Tensor[B, T, Cfg.VOCAB]
Batch = Tensor[B, Unpack[Bs]]


@tf.shapecheck
def split(x: Hidden[B, T]) -> Heads[B, T]:
    b, t, _ = x.shape
    return x.reshape(b, t, HEADS, HEAD_DIM).transpose(0, 2, 1, 3)


@tf.shapecheck
def merge(x: Tensor[B, HEADS, T, "D_MODEL//HEADS"]) -> Tensor[B, T, "HEADS*HEAD_DIM"]:
    b, h, t, d = x.shape
    return x.transpose(0, 2, 1, 3).reshape(b, t, h * d)


head = Dense(D_MODEL, Cfg.VOCAB)


@tf.shapecheck
def logits(x: Hidden[B, T]) -> Logits[B, T]:
    return head(merge(split(x)))


print(logits(tf.randn(2, 5, D_MODEL)).shape)
y: Logits[int, int] = logits(tf.randn(1, 3, 32))
print(y.shape)
