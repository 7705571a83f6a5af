"""jaxtyping's failing tests: a function annotated `(*batch, 3) -> (*batch)` that reduces the
wrong axis; translated with a vector norm that sums over the first axis."""
from typing import TypeVarTuple

import typedflux as tf
from typedflux import Tensor

Batch = TypeVarTuple("Batch")


@tf.shapecheck
def norm3(v: Tensor[*Batch, 3]) -> Tensor[*Batch]:
    return tf.sqrt((v * v).sum(axis=0))  # BUG  # E: Return shape Tensor[*Batch[1:], 3] does not match the annotation Tensor[*Batch]: *Batch is (*Batch[1:], 3), expected (*Batch)  [shape]  # N: for every *Batch of at least 1 item, which holds axis 0


print(norm3(tf.randn(4, 6, 3)).shape)
