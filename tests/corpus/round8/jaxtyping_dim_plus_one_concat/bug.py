"""jaxtyping's symbolic expressions ("dim+1"): a bias column is appended to the features;
two columns were appended."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def add_bias_column(x: Tensor[B, D]) -> Tensor[B, "D+1"]:
    ones = tf.ones(x.shape[0], 2)
    return tf.concat([x, ones], axis=1)  # BUG  # E: Return shape Tensor[B, D + 2] does not match the annotation Tensor[B, D + 1]: axis 1 is D + 2, expected D + 1  [shape]


print(add_bias_column(tf.randn(4, 6)).shape)
