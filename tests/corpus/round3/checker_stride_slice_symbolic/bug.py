"""(pyrefly tensor_indexing) a stride-2 slice of N rows has (N+1)//2 rows, not N//2."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

N = TypeVar("N", bound=int)


@tf.shapecheck
def even_rows(x: Tensor[N, 6]) -> Tensor["N//2", 6]:
    return x[::2]  # BUG  # E: Return shape Tensor[(N + 1)//2, 6] does not match the annotation Tensor[N//2, 6]: axis 0 is (N + 1)//2, expected N//2  [shape]


print(even_rows(tf.randn(7, 6)).shape)
