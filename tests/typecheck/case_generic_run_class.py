"""A user class generic over a shape run (pyright's TypeVarTuple ``Array``, translated),
built from a tensor: the class's ``*Shape`` takes the tensor's sizes, as a ``Generic[N]``
class's ``N`` does, and a function generic over its own run passes that run on (redteam s7
fa07: the run was left unsolved, ``Array[*Shape]``, and every use of it a false
``[assignment]`` or ``[return-value]``). Sizes that differ from an annotation are still
mypy's errors (a user class's type arguments are not shapes), and calls that bind the run
to two sizes still ``[shape]`` errors, the same words at run time.
"""

from typing import Generic, TypeVar

from typing_extensions import TypeVarTuple, Unpack, reveal_type

import typedflux as tf
from typedflux import Tensor

Shape = TypeVarTuple("Shape")
N = TypeVar("N", bound=int)


class Array(Generic[Unpack[Shape]]):
    def __init__(self, t: Tensor[Unpack[Shape]]) -> None:
        self.t = t

    def get(self) -> Tensor[Unpack[Shape]]:
        return self.t


def mk(t: Tensor[Unpack[Shape]]) -> Array[Unpack[Shape]]:
    return Array(t)


@tf.shapecheck
def pair(a: Tensor[Unpack[Shape]], b: Tensor[Unpack[Shape]]) -> Array[Unpack[Shape]]:
    return Array(a + b)


arr = Array(tf.zeros(2, 3))
reveal_type(arr)  # N: Revealed type is "case_generic_run_class.Array[Literal[2], Literal[3]]"
reveal_type(mk(tf.zeros(4)))  # N: Revealed type is "case_generic_run_class.Array[Literal[4]]"
x: Tensor[2, 3] = arr.get()
reveal_type(arr.get())  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
y = pair(tf.zeros(2, 3), tf.zeros(2, 3))
pair(tf.zeros(2, 3), tf.zeros(2, 4))  # E: Dim "*Shape" differs for "pair": argument "a" gives *Shape = (2, 3), argument "b" gives *Shape = (2, 4); need one size for *Shape ((2, 3) vs (2, 4))  [shape]  # N: *Shape=(2, 3)
