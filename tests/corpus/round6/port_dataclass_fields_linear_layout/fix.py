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
        return x @ self.weight.T + self.bias


params = LinearParams(tf.randn(8, 4), tf.zeros(8))
print(params(tf.randn(3, 4)).shape)
