"""n2cholas/shapecheck's `'...,n'` input with `out_='...'`, translated to a variadic run: a
squared norm over the last axis, reduced over the first one."""
from typing import TypeVar

from typing_extensions import TypeVarTuple, Unpack

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
Bs = TypeVarTuple("Bs")


@tf.shapecheck
def sq_norm(x: Tensor[Unpack[Bs], N]) -> Tensor[Unpack[Bs]]:
    return (x * x).sum(axis=0)  # BUG  # E: Return shape Tensor[*Bs[1:], N] does not match the annotation Tensor[*Bs]: *Bs is (*Bs[1:], N), expected (*Bs)  [shape]  # N: for every *Bs of at least 1 item, which holds axis 0


print(sq_norm(tf.randn(2, 3, 4)).shape)
