"""Classes defined inside a function closing over its widths, lambdas as default arguments and
activations, a nested class as a namespace of sizes, and a factory returning instances of a
local class built with other sizes on each call."""
from typing import Callable

import typedflux as tf
from typedflux import Dense, Tensor


class Sizes:
    class Small:
        d = 4

    class Large:
        d = 12


def factory(d: int, act: Callable[[Tensor], Tensor] = lambda t: t * 0.5) -> Callable[[Tensor], Tensor]:
    class Local:
        def __init__(self) -> None:
            self.fc = Dense(d, d)

        def __call__(self, x: Tensor) -> Tensor:
            return act(self.fc(x))

    return Local()


small = factory(Sizes.Small.d)
large = factory(Sizes.Large.d, act=lambda t: tf.relu(t))
print(small(tf.randn(1, 4)).shape, large(tf.randn(2, 12)).shape)


class Outer:
    class Inner:
        def __init__(self, d: int, f: Callable[[Tensor], Tensor] = tf.tanh) -> None:
            self.fc = Dense(d, 2 * d)
            self.f = f

        def __call__(self, x: Tensor) -> Tensor:
            return self.f(self.fc(x))

    def __init__(self, d: int) -> None:
        self.inner = Outer.Inner(d)
        self.head = Dense(2 * d, 1)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.inner(x))


print(Outer(3)(tf.randn(5, 3)).shape, Outer(Sizes.Large.d)(tf.randn(1, 12)).shape)
