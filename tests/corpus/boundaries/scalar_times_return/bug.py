"""A scaled output is returned with the number on the left of the operator."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

layer = Dense(16, 8)


@tf.shapecheck
def scaled(x: Tensor[B, 16]) -> Tensor[B, 4]:
    return 0.5 * layer(x)  # BUG[limit: a number on the left of an operator (docs/errors.md known limits)]  # E: Incompatible return value type (got "Tensor[B, Literal[8]]", expected "Tensor[B, Literal[4]]")  [return-value]


print(scaled(tf.randn(2, 16)).shape)
