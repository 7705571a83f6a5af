"""A function taking any layer through a Protocol with a typed __call__; passed a Dense of other width."""
from typing import Protocol, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Encoder(Protocol):
    def __call__(self, x: Tensor[B, 12]) -> Tensor[B, 4]: ...


@tf.shapecheck
def embed_all(enc: Encoder, xs: Tensor[B, 12]) -> Tensor[B, 4]:
    return enc(xs)


print(embed_all(Dense(12, 6), tf.randn(3, 12)).shape)  # BUG[gap checker: a layer passed for a Protocol with a typed __call__ keeps mypy's [arg-type]]  # E: Argument 1 to "embed_all" has incompatible type "Dense[Literal[12], Literal[6]]"; expected "Encoder"  [arg-type]  # N: "Encoder.__call__" has type "def [B: int] __call__(self, x: Tensor[B, Literal[12]]) -> Tensor[B, Literal[4]]"
