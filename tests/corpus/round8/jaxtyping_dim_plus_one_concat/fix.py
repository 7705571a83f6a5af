"""jaxtyping's symbolic expressions ("dim+1"): a bias column is appended to the features;
two columns were appended."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
D = TypeVar("D", bound=int)


@tf.shapecheck
def add_bias_column(x: Tensor[B, D]) -> Tensor[B, "D+1"]:
    ones = tf.ones(x.shape[0], 1)
    return tf.concat([x, ones], axis=1)


print(add_bias_column(tf.randn(4, 6)).shape)
