"""torchtyping's fixed sizes (TensorType["batch", 10]): a call with 11 features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def score(x: Tensor[B, 10]) -> Tensor[B]:
    return x.sum(axis=1)


features = tf.randn(4, 11)
print(score(features[:, :10]).shape)
