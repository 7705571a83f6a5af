"""@tf.shapecheck on every kind of method: staticmethod, classmethod, a generator method, a
nested function, a recursive one, and a method of a generic class."""
from typing import Generic, Iterator, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


class Ops:
    @staticmethod
    @tf.shapecheck
    def double(x: Tensor[B, N]) -> Tensor[B, "2*N"]:
        return tf.cat(x, x, axis=-1)

    @classmethod
    @tf.shapecheck
    def first(cls, x: Tensor[B, N]) -> Tensor[N]:
        return x[0]

    @tf.shapecheck
    def rows(self, x: Tensor[B, N]) -> Iterator[Tensor[N]]:
        for i in range(x.shape[0]):
            yield x[i]


class Box(Generic[N]):
    def __init__(self, x: Tensor[N]) -> None:
        self.x = x

    @tf.shapecheck
    def plus(self, y: Tensor[N]) -> Tensor[N]:
        return self.x + y


@tf.shapecheck
def shrink(x: Tensor[N]) -> Tensor[int]:
    @tf.shapecheck
    def half(y: Tensor["2*N"]) -> Tensor[N]:
        return y[: y.shape[0] // 2]

    return shrink(half(x)) if x.shape[0] % 2 == 0 and x.shape[0] > 2 else x


o = Ops()
print(Ops.double(tf.ones(2, 3)).shape, Ops.first(tf.ones(2, 3)).shape,
      [r.shape for r in o.rows(tf.ones(2, 3))], Box(tf.ones(4)).plus(tf.ones(4)).shape,
      shrink(tf.ones(16)).shape)
