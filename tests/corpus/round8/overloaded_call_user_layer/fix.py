"""A user layer whose __call__ is overloaded for one sample and a batch; the batch is given
features of the wrong width."""
from typing import Any, TypeVar, overload

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)


class Head:
    def __init__(self) -> None:
        self.fc = Dense(32, 4)

    @overload
    def __call__(self, x: Tensor[32]) -> Tensor[4]: ...
    @overload
    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 4]: ...
    @tf.shapecheck
    def __call__(self, x: Any) -> Any:
        return self.fc(x)


feats = tf.randn(6, 32)
print(Head()(feats).shape)
