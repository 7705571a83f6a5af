"""jaxtyping style: a dataclass whose fields are typed tensors, used as a layer; the forward
multiplies by the weight in PyTorch's (out, in) layout without transposing."""
from dataclasses import dataclass
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@dataclass
class LinearParams:
    weight: Tensor[8, 4]
    bias: Tensor[8]

    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 8]:
        return x @ self.weight + self.bias  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[B, 4], w has Tensor[8, 4]; need x.shape[-1] == w.shape[-2] (4 vs 8); did you mean to transpose w (w.T)?  [shape]


params = LinearParams(tf.randn(8, 4), tf.zeros(8))
print(params(tf.randn(3, 4)).shape)
