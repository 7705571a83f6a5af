"""jaxtyping's variadic dims: def add_bias(x: Float[Array, "*batch c"], b: Float[Array, "c"])
-> Float[Array, "*batch c"] (written Tensor[*Bs, C], Tensor[C]); a bias made for the channels
is added to token features of any leading shape."""
from __future__ import annotations

from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

Bs = TypeVarTuple("Bs")
C = TypeVar("C", bound=int)


@tf.shapecheck
def add_bias(x: Tensor[Unpack[Bs], C], b: Tensor[C]) -> Tensor[Unpack[Bs], C]:
    return x + b


tokens = tf.randn(2, 9, 16)
bias = tf.zeros(tokens.shape[-1])
out = add_bias(tokens, bias)
print(out.shape)
