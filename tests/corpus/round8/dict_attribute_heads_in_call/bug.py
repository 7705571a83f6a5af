"""A multi-task model keeps its heads in a dict attribute; the typed __call__ gives one
head the trunk's input."""
from typing import Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor, relu

B = TypeVar("B", bound=int)


class MultiTask:
    def __init__(self) -> None:
        self.trunk = Dense(24, 32, relu)
        self.heads = {"age": Dense(32, 1), "gender": Dense(32, 2)}

    def __call__(self, x: Tensor[B, 24]) -> Tuple[Tensor[B, 1], Tensor[B, 2]]:
        h = self.trunk(x)
        return self.heads["age"](h), self.heads["gender"](x)  # BUG  # E: Dense(32 => ?, ?) expects input Tensor[..., 32], got Tensor[B, 24]; need size 32 at axis -1 (got 24)  [shape]


age, gender = MultiTask()(tf.randn(3, 24))
print(age.shape, gender.shape)
