"""A residual branch that was meant to project returns its input unchanged."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)

proj = Dense(64, 32)


@tf.shapecheck
def shortcut(x: Tensor[B, 64]) -> Tensor[B, 32]:
    return x  # BUG[limit: a bare name returned has no hook (docs/errors.md known limits)]  # E: Incompatible return value type (got "Tensor[B, Literal[64]]", expected "Tensor[B, Literal[32]]")  [return-value]


print(shortcut(tf.randn(2, 64)).shape)
