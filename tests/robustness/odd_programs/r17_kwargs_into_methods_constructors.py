"""Odd but valid (round 17's crash hunt): ** of dicts into methods, constructors, overloads, partials, classmethods, and a dict built in a loop then unpacked."""
import functools
from typing import Dict, TypeVar, overload
import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


class Model:
    def __init__(self, w: Tensor[4, 2]) -> None:
        self.w = w

    def __call__(self, x: Tensor[B, 4]) -> Tensor[B, 2]:
        return x @ self.w

    @classmethod
    def make(cls, w: Tensor[4, 2]) -> "Model":
        return cls(w)


@overload
def f(x: Tensor[B, 4]) -> Tensor[B, 4]: ...
@overload
def f(x: Tensor[B, 8]) -> Tensor[B, 8]: ...
def f(x: Tensor) -> Tensor:
    return x


m = Model(**{"w": tf.zeros(4, 2)})
m2 = Model.make(**{"w": tf.zeros(4, 2)})
print(m(**{"x": tf.zeros(3, 4)}).shape, m2(x=tf.zeros(1, 4)).shape, f(**{"x": tf.zeros(2, 8)}).shape)
p = functools.partial(m.__call__)
print(p(**{"x": tf.zeros(2, 4)}).shape)
d: Dict[str, Tensor] = {}
for name in ("x",):
    d[name] = tf.zeros(5, 4)
print(m(**d).shape)
