"""chex's `assert_equal_shape_prefix([a, b], 1)` test, translated: two per-example arrays must
share their leading (batch) dim; the labels came from another batch size."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


@tf.shapecheck
def accuracy(logits: Tensor[B, C], labels: Tensor[B]) -> Tensor[()]:
    return (tf.argmax(logits, axis=1) == labels).mean()


logits = tf.randn(8, 10)
labels = tf.tensor([1, 2, 3, 4, 5, 6, 7, 8])
print(accuracy(logits, labels).item())
