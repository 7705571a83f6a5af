"""jaxtyping's failing tests: a function annotated `(*batch, 3) -> (*batch)` that reduces the
wrong axis; translated with a vector norm that sums over the first axis."""
from typing import TypeVarTuple

import typedflux as tf
from typedflux import Tensor

Batch = TypeVarTuple("Batch")


@tf.shapecheck
def norm3(v: Tensor[*Batch, 3]) -> Tensor[*Batch]:
    return tf.sqrt((v * v).sum(axis=-1))


print(norm3(tf.randn(4, 6, 3)).shape)
