"""(pyrefly tensor_variadic) the leading axes and the last one, returned as a tuple whose
annotation drops an axis."""
from typing import Tuple, TypeVar

from typing_extensions import TypeVarTuple

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)
Init = TypeVarTuple("Init")


def split_last(x: Tensor[*Init, N]) -> Tuple[Tensor[*Init], Tensor[N]]:
    return x.sum(axis=-1), x.reshape(-1, x.shape[-1]).mean(axis=0)


@tf.shapecheck
def stats(x: Tensor[1, 2, 3, 4]) -> Tuple[Tensor[1, 2], Tensor[4]]:
    return split_last(x)  # BUG  # E: Return shape Tensor[1, 2, 3] (tuple item 0) does not match the annotation Tensor[1, 2]: rank is 3, expected 2  [shape]


print([t.shape for t in stats(tf.randn(1, 2, 3, 4))])
