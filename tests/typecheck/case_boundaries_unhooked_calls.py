"""Arguments of calls that run no plugin hook of their own, checked through the argument's
hook (its type context is the parameter's type): `super()` calls, concrete and generic, and
an overloaded method reached through `super()`; each bug with its fix. `@tf.shapecheck` on
the callees raises the same words at run time.
"""

from typing import TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


class Base:
    @tf.shapecheck
    def __init__(self, x: Tensor[2, 4]) -> None:
        self.x = x

    @tf.shapecheck
    def step(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
        return x

    @tf.shapecheck
    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 4]:
        return x


class Wide(Base):
    def __init__(self) -> None:
        super().__init__(tf.zeros(2, 5))  # E: Argument "x" of "Base.__init__" has shape Tensor[2, 5], which does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4  [shape]


class Fits(Base):
    def __init__(self) -> None:
        super().__init__(tf.zeros(2, 4))


class Steps(Fits):
    def run(self) -> None:
        super().step(tf.zeros(3, 6))  # E: Argument "x" of "Base.step" has shape Tensor[3, 6], which does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]

    def run_fixed(self) -> None:
        super().step(tf.zeros(3, 4))

    def call(self) -> None:
        super().__call__(tf.zeros(3, 7))  # E: Argument "x" of "Base.__call__" has shape Tensor[3, 7], which does not match the annotation Tensor[B, 4]: axis 1 is 7, expected 4  [shape]

    def call_fixed(self) -> None:
        super().__call__(tf.zeros(3, 4))

    def doubled(self, x: Tensor[B, 2]) -> None:
        super().step(tf.cat(x, x, x, axis=1))  # E: Argument "x" of "Base.step" has shape Tensor[B, 6], which does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]

    def doubled_fixed(self, x: Tensor[B, 2]) -> None:
        super().step(tf.cat(x, x, axis=1))


Fits()
Steps().run_fixed()
Steps().call_fixed()
Steps().doubled_fixed(tf.zeros(5, 2))

# The bugs, run: each raises on its line above.
Wide()
Steps().run()
Steps().call()
Steps().doubled(tf.zeros(5, 2))
