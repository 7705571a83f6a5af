"""torchtyping's fixed sizes (TensorType["batch", 10]): a call with 11 features."""
from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@tf.shapecheck
def score(x: Tensor[B, 10]) -> Tensor[B]:
    return x.sum(axis=1)


features = tf.randn(4, 11)
print(score(features).shape)  # BUG  # E: Argument "x" of "score" has shape Tensor[4, 11], which does not match the annotation Tensor[B, 10]: axis 1 is 11, expected 10  [shape]  # N: B=4
