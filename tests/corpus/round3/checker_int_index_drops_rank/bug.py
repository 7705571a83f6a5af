"""(pyrefly tensor_indexing) x[0] drops the first axis; the annotation keeps it."""
import typedflux as tf
from typedflux import Tensor


@tf.shapecheck
def first_row(x: Tensor[10, 20]) -> Tensor[1, 20]:
    return x[0]  # BUG  # E: Return shape Tensor[20] does not match the annotation Tensor[1, 20]: rank is 1, expected 2  [shape]


print(first_row(tf.randn(10, 20)).shape)
