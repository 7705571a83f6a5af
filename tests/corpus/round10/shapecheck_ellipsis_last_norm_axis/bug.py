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
    return (x * x).sum(axis=0)  # BUG[gap checker: a reduction at axis 0 of Tensor[*Bs, N] has an unknown shape (as round9's mean inside a variadic run), so the return annotation Tensor[*Bs] is not compared; it holds only when *Bs is empty, where axis 0 is N's axis]


print(sq_norm(tf.randn(2, 3, 4)).shape)
