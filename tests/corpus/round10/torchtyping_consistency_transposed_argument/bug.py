"""torchtyping's dimension-consistency test (`TensorType["a", "b"]`, `TensorType["b", "a"]`
-> `TensorType["a", "a"]`), translated: the second argument is passed as it came."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

A = TypeVar("A", bound=int)
Bd = TypeVar("Bd", bound=int)


@tf.shapecheck
def gram(x: Tensor[A, Bd], y: Tensor[Bd, A]) -> Tensor[A, A]:
    return x @ y


x = tf.randn(3, 5)
print(gram(x, x).shape)  # BUG  # E: Dim "Bd" differs for "gram": argument "x" gives Bd = 5, argument "y" gives Bd = 3; need one size for Bd (5 vs 3)  [shape]  # N: A=3, Bd=5
